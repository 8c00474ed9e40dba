// Before handing in: what is unanswered, what is flagged, what is still waiting to be saved.
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import type { SlotState } from '../../models/attempt.ts';
import { RunnerNotices, StatusBar } from './status-bar.tsx';
import { rememberedSlot, useAttempt } from './use-attempt.ts';
import css from './runner.module.css';

function SlotLinks({ id, slots, empty }: { id: string; slots: SlotState[]; empty: string }) {
  if (slots.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class={css.slotList}>
      {slots.map((s) => (
        <li key={s.slot}>
          <a href={`/exam/${id}/${s.slot}`} aria-label={`Question ${s.slot}`}>
            {s.slot}
          </a>
        </li>
      ))}
    </ul>
  );
}

export default function Review() {
  const { params } = useRoute();
  const id = params.id;
  const model = useAttempt(id);
  const { route } = useLocation();
  const [confirming, setConfirming] = useState(false);
  const phase = model.phase.value;
  const attempt = model.attempt.value;
  usePage('Review before handing in', { focusHeading: phase !== 'loading' });

  useEffect(() => {
    if (phase === 'closed') route(`/report/${id}`, true);
  }, [phase]);

  if (phase === 'error') {
    return (
      <div class="narrow">
        <h1>This attempt could not be opened</h1>
        <p class="notice notice--bad">{model.error.value}</p>
      </div>
    );
  }
  if (!attempt || phase === 'loading') {
    return (
      <>
        <h1>Review before handing in</h1>
        <p class="muted">Loading the attempt…</p>
      </>
    );
  }

  const slots = model.slots.value;
  const unanswered = slots.filter((s) => s.choice === null);
  const flagged = slots.filter((s) => s.flagged);
  const waiting = model.waiting.value;
  const back = rememberedSlot(id) ?? 1;
  const tutor = attempt.mode === 'tutor';

  return (
    <div class={css.runner}>
      <StatusBar model={model} title={tutor ? 'Tutor session' : 'Practice exam'} heading={false} />
      <RunnerNotices model={model} />
      <div class="card">
        <h1 tabIndex={-1}>Review before handing in</h1>
        <p>
          You have answered <strong>{slots.length - unanswered.length}</strong> of {slots.length} questions
          {flagged.length > 0 && <> and flagged {plural(flagged.length, 'question')} for review</>}.
        </p>
        {waiting > 0 && (
          <p class="notice notice--warn">
            {plural(waiting, 'answer')} still waiting to be saved. Handing in sends them first; it needs the connection.
          </p>
        )}
        <div class={css.lists}>
          <section aria-labelledby="unanswered-title">
            <h2 id="unanswered-title">Unanswered ({unanswered.length})</h2>
            <SlotLinks id={id} slots={unanswered} empty="Every question has an answer." />
          </section>
          <section aria-labelledby="flagged-title">
            <h2 id="flagged-title">Flagged for review ({flagged.length})</h2>
            <SlotLinks id={id} slots={flagged} empty="No question is flagged." />
          </section>
        </div>
      </div>
      <div class="card">
        <h2>{tutor ? 'Finish the session' : 'Hand in'}</h2>
        <p>
          {tutor
            ? 'Finishing closes the session and shows the report for the questions you answered.'
            : 'Handing in ends the exam; answers cannot be changed afterwards.'}
          {unanswered.length > 0 && ` ${plural(unanswered.length, 'question')} will count as wrong.`}
        </p>
        <div class="row">
          {!confirming ? (
            <button type="button" class="button" onClick={() => setConfirming(true)} disabled={phase !== 'ready'}>
              {tutor ? 'Finish session' : 'Hand in'}
            </button>
          ) : (
            <>
              <button
                type="button"
                class="button button--danger"
                autoFocus
                onClick={() => void model.handIn()}
                disabled={phase !== 'ready'}
              >
                {phase === 'handing-in' ? 'Handing in…' : `Yes, ${tutor ? 'finish' : 'hand in'} now`}
              </button>
              <button type="button" class="button--secondary" onClick={() => setConfirming(false)}>
                Not yet
              </button>
            </>
          )}
          <a href={`/exam/${id}/${back}`}>Back to question {back}</a>
        </div>
      </div>
    </div>
  );
}
