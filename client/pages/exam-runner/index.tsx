// The exam runner: one item at a time, the countdown, the save state and the navigator.
// URL: /exam/:id/:slot — a reload or a second tab opens the same attempt at the same slot.
import { useLocation, useRoute } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { ItemView } from '../../components/item-view/index.tsx';
import { Navigator } from '../../components/navigator/index.tsx';
import { usePage } from '../../lib/page.ts';
import { RunnerNotices, StatusBar } from './status-bar.tsx';
import { rememberSlot, rememberedSlot, useAttempt } from './use-attempt.ts';
import css from './runner.module.css';

export default function ExamRunner() {
  const { params } = useRoute();
  const id = params.id;
  const model = useAttempt(id);
  const { route } = useLocation();
  const phase = model.phase.value;
  const attempt = model.attempt.value;
  const slots = model.slots.value;
  const requested = Number(params.slot);
  const slot = Number.isInteger(requested) && requested >= 1 && requested <= slots.length ? requested : null;

  usePage(attempt && slot ? `Question ${slot} of ${slots.length}` : 'Practice exam', { focusHeading: false });

  // A closed attempt (handed in, or out of time) shows its report.
  useEffect(() => {
    if (phase === 'closed') route(`/report/${id}`, true);
  }, [phase]);

  // /exam/:id, or a slot out of range: go to the remembered slot, else the first unanswered.
  useEffect(() => {
    if (phase !== 'ready' || slot !== null || slots.length === 0) return;
    const remembered = rememberedSlot(id);
    const firstOpen = slots.find((s) => s.choice === null)?.slot ?? 1;
    const target = remembered && remembered <= slots.length ? remembered : firstOpen;
    route(`/exam/${id}/${target}`, true);
  }, [phase, slot, slots.length]);

  // Each new slot is remembered, so /exam/:id (dashboard, another tab) reopens it. (The item view
  // moves focus to the question's heading as it mounts.)
  useEffect(() => {
    if (slot !== null && phase !== 'loading') rememberSlot(id, slot);
  }, [slot, phase === 'loading']);

  if (phase === 'error') {
    return (
      <div class="narrow">
        <h1>This attempt could not be opened</h1>
        <p class="notice notice--bad">{model.error.value}</p>
        <p>
          <button type="button" class="button" onClick={() => void model.load()}>
            Try again
          </button>{' '}
          <a href="/">Back to the dashboard</a>
        </p>
      </div>
    );
  }
  if (!attempt || slot === null || phase === 'loading') {
    return (
      <>
        <h1 class="visually-hidden">Practice exam</h1>
        <p class="muted">Loading the attempt…</p>
      </>
    );
  }

  const item = model.items.value[slot - 1];
  const state = slots[slot - 1];
  const go = (n: number) => route(`/exam/${id}/${n}`, true);
  const last = slot === slots.length;
  const next = () => (last ? route(`/exam/${id}/review`) : go(slot + 1));
  const editable = phase === 'ready' && !model.timeUp.value;

  return (
    <div class={css.runner}>
      <StatusBar model={model} title={attempt.mode === 'tutor' ? 'Tutor session' : 'Practice exam'} />
      <RunnerNotices model={model} />
      <div class={css.layout}>
        <div class={css.main}>
          <ItemView
            key={slot}
            item={item}
            state={state}
            mode={attempt.mode}
            total={slots.length}
            editable={editable}
            onChoose={(c) => model.choose(slot, c)}
            currentChoice={() => model.slots.value[slot - 1]?.choice ?? null}
            onNext={next}
          >
            <div class={css.controls}>
              <button type="button" class="button--secondary" onClick={() => go(slot - 1)} disabled={slot === 1}>
                ← Previous
              </button>
              <button
                type="button"
                class={`button--secondary ${css.flag}`}
                aria-pressed={state.flagged ? 'true' : 'false'}
                onClick={() => model.toggleFlag(slot)}
                disabled={!editable}
              >
                <span aria-hidden="true" class={css.flagIcon}>
                  {state.flagged ? '⚑' : '⚐'}
                </span>
                Flag for review
              </button>
              <button type="button" class="button--secondary" aria-pressed={state.guessed ? 'true' : 'false'} onClick={() => model.toggleGuessed(slot)} disabled={!editable || state.choice === null}>
                I guessed
              </button>
              {attempt.mode === 'exam' && state.choice !== null && (
                <button type="button" class="button--secondary" onClick={() => model.choose(slot, null)} disabled={!editable}>
                  Clear answer
                </button>
              )}
              <button type="button" class="button" onClick={next}>
                {last ? 'Review answers →' : 'Next →'}
              </button>
            </div>
          </ItemView>
        </div>
        <div class={css.side}>
          <p class={css.reviewLink}>
            <a class="button--secondary" href={`/exam/${id}/review`}>
              Review and hand in
            </a>
          </p>
          <Navigator slots={slots} current={slot} hrefFor={(n) => `/exam/${id}/${n}`} onJump={go} />
        </div>
      </div>
    </div>
  );
}

export { default as Review } from './review.tsx';
