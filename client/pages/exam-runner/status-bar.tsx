// The runner's top bar (title, countdown, save state) and its notices, shared with the review.
import { SaveStatus } from '../../components/save-status/index.tsx';
import { Timer } from '../../components/timer/index.tsx';
import type { AttemptModel } from '../../models/attempt.ts';
import css from './runner.module.css';

/** The timer and save state; the runner's page heading, or a plain line on the review screen. */
export function StatusBar({ model, title, heading = true }: { model: AttemptModel; title: string; heading?: boolean }) {
  const attempt = model.attempt.value!;
  const Title = heading ? 'h1' : 'p';
  return (
    <div class={css.bar}>
      <Title class={css.title}>{title}</Title>
      <Timer remaining={model.remainingMs} multiplier={attempt.timeMultiplier} />
      <SaveStatus state={model.saveState.value} waiting={model.waiting.value} persisted={model.persisted.value} />
    </div>
  );
}

export function RunnerNotices({ model }: { model: AttemptModel }) {
  const phase = model.phase.value;
  return (
    <>
      {model.timeUp.value && (
        <p class="notice notice--bad" data-testid="time-up">
          Time is up. {phase === 'handing-in' ? 'Handing in your answers…' : 'Your answers will be handed in as soon as the server can be reached.'}
        </p>
      )}
      {!model.timeUp.value && phase === 'handing-in' && <p class="notice">Handing in your answers…</p>}
      {model.notice.value && <p class="notice notice--warn">{model.notice.value}</p>}
    </>
  );
}
