// Before handing in: every question as answered / unanswered / flagged (words and icons, not colour
// alone), walks through the flagged or the unanswered ones in order, what is still waiting to be
// saved, and the hand-in with its state (sending, waiting to retry and why, refused, done) beside
// the button in a live region.
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FlagIcon } from '../../components/navigator/index.tsx';
import { plural } from '../../lib/format.ts';
import { usePage } from '../../lib/page.ts';
import type { SlotState } from '../../models/attempt.ts';
import { TimeExpired } from './expired.tsx';
import { inSet, saveSet, setHref, type SetKind } from './sets.ts';
import { handInMessage, RunnerNotices, StatusBar } from './status-bar.tsx';
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

function CheckIcon() {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M2.5 8.5l3.5 3.5 7.5-8" stroke="currentColor" stroke-width="2.25" fill="none" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

function OpenIcon() {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="5.5" stroke="currentColor" stroke-width="1.75" stroke-dasharray="3 2" fill="none" />
    </svg>
  );
}

/** Every question, each a link, with its state in words beside an icon. */
function AllQuestions({ id, slots }: { id: string; slots: SlotState[] }) {
  return (
    <section aria-labelledby="all-title" class={css.gridSection}>
      <h2 id="all-title">All questions</h2>
      <ol class={css.grid} data-testid="review-grid">
        {slots.map((s) => {
          const answered = s.choice !== null;
          return (
            <li key={s.slot}>
              <a
                href={`/exam/${id}/${s.slot}`}
                class={`${css.gridCell} ${answered ? css.isAnswered : css.isOpen} ${s.flagged ? css.isFlagged : ''}`}
                data-state={[answered ? 'answered' : 'unanswered', s.flagged && 'flagged'].filter(Boolean).join(' ')}
              >
                <span class={css.gridNumber}>
                  <span class="visually-hidden">Question </span>
                  {s.slot}
                </span>
                <span class={css.gridState}>
                  <span class={css.stateIcon}>
                    {answered ? <CheckIcon /> : <OpenIcon />}
                    {answered ? 'Answered' : 'Unanswered'}
                  </span>
                  {s.flagged && (
                    <span class={`${css.stateIcon} ${css.flagText}`}>
                      <FlagIcon />
                      Flagged
                    </span>
                  )}
                  {s.pending && <span>Not saved yet</span>}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export default function Review() {
  const { params } = useRoute();
  const id = params.id;
  const model = useAttempt(id);
  const { route } = useLocation();
  const [confirming, setConfirming] = useState(false);
  const send = useRef<HTMLButtonElement>(null);
  const phase = model.phase.value;
  const attempt = model.attempt.value;
  const expired = model.expired.value;
  const awaiting = model.awaitingBegin.value;
  const handIn = model.handInState.value;
  usePage(expired ? 'Time expired' : 'Review before handing in', { focusHeading: phase !== 'loading' && !expired });

  useEffect(() => {
    if (phase === 'closed' && !expired) route(`/report/${id}`, true);
  }, [phase, expired]);
  // Not begun yet: the intro comes first.
  useEffect(() => {
    if (awaiting) route(`/exam/${id}/1`, true);
  }, [awaiting]);
  // Asked to confirm: the confirming button takes focus.
  useEffect(() => {
    if (confirming) send.current?.focus();
  }, [confirming]);

  if (phase === 'error') {
    return (
      <div class="narrow">
        <h1>This attempt could not be opened</h1>
        <p class="notice notice--bad">{model.error.value}</p>
      </div>
    );
  }
  if (expired) return <TimeExpired model={model} id={id} />;
  if (!attempt || phase === 'loading' || phase === 'closed' || awaiting) {
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
  const sending = handIn === 'sending';
  const walk = (kind: SetKind) => {
    const list = slots.filter((s) => inSet(kind, s)).map((s) => s.slot);
    if (list.length === 0) return;
    saveSet(id, kind, list);
    route(setHref(id, list[0], kind));
  };
  const primary =
    handIn === 'sending'
      ? tutor ? 'Finishing…' : 'Handing in…'
      : handIn === 'waiting'
        ? 'Try again now'
        : handIn === 'failed'
          ? 'Try again'
          : `Yes, ${tutor ? 'finish' : 'hand in'} now`;

  return (
    <div class={css.runner}>
      <StatusBar model={model} title={tutor ? 'Tutor session' : 'Practice exam'} heading={false} />
      <RunnerNotices model={model} handInShown />
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
            {unanswered.length > 0 && (
              <button type="button" class={`button--secondary ${css.stepButton}`} onClick={() => walk('unanswered')}>
                Review unanswered in order
              </button>
            )}
          </section>
          <section aria-labelledby="flagged-title">
            <h2 id="flagged-title">Flagged for review ({flagged.length})</h2>
            <SlotLinks id={id} slots={flagged} empty="No question is flagged." />
            {flagged.length > 0 && (
              <button type="button" class={`button--secondary ${css.stepButton}`} onClick={() => walk('flagged')}>
                Review flagged in order
              </button>
            )}
          </section>
        </div>
      </div>
      <div class="card">
        <AllQuestions id={id} slots={slots} />
      </div>
      <div class={`card ${css.handIn}`}>
        <h2>{tutor ? 'Finish the session' : 'Hand in'}</h2>
        <p>
          {tutor
            ? 'Finishing closes the session and shows the report for the questions you answered.'
            : 'Handing in ends the exam; answers cannot be changed afterwards.'}
          {unanswered.length > 0 && ` ${plural(unanswered.length, 'question')} will count as wrong.`}
        </p>
        <div class="row">
          {!confirming && handIn === 'idle' ? (
            <button key="ask" type="button" class="button" onClick={() => setConfirming(true)} disabled={phase !== 'ready'}>
              {tutor ? 'Finish session' : 'Hand in'}
            </button>
          ) : (
            <>
              <button
                key="send"
                ref={send}
                type="button"
                class="button button--danger"
                aria-disabled={sending ? 'true' : undefined}
                aria-describedby="hand-in-status"
                onClick={() => {
                  if (!sending) void model.handIn();
                }}
              >
                {primary}
              </button>
              {handIn === 'idle' && (
                <button type="button" class="button--secondary" onClick={() => setConfirming(false)}>
                  Not yet
                </button>
              )}
            </>
          )}
          <a href={`/exam/${id}/${back}`}>Back to question {back}</a>
        </div>
        <p id="hand-in-status" class={css.handInStatus} role="status" aria-live="polite" data-state={handIn} data-testid="hand-in-status">
          {handInMessage(model)}
        </p>
      </div>
    </div>
  );
}
