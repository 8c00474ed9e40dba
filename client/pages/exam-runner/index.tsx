// The exam runner: the intro before the clock starts, then one item at a time, the countdown, the
// save state and the navigator; a notice when the time ran out here.
// URL: /exam/:id/:slot — a reload or a second tab opens the same attempt at the same slot;
// ?set=flagged|unanswered walks the set the review screen fixed.
import { useLocation, useRoute } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ItemView } from '../../components/item-view/index.tsx';
import { FlagIcon, Navigator } from '../../components/navigator/index.tsx';
import { api, type QuestionReport } from '../../lib/api.ts';
import { usePage } from '../../lib/page.ts';
import { useModule } from '../../lib/use-module.ts';
import type { AttemptModel } from '../../models/attempt.ts';
import type { ReportQuestion as ReportQuestionForm } from '../report/report-question.tsx';
import { TimeExpired } from './expired.tsx';
import { SET_LABEL, setHref, setKindOf, walkOf } from './sets.ts';
import { RunnerNotices, StatusBar } from './status-bar.tsx';
import { rememberSlot, rememberedSlot, useAttempt } from './use-attempt.ts';
import css from './runner.module.css';

/**
 * The report page's "Report this question" form, loaded only when a tutor item's key is shown, so
 * the exam runner's own chunk stays small (and carries no report code).
 */
function ReportQuestion(props: Parameters<typeof ReportQuestionForm>[0]) {
  const form = useModule(() => import('../report/report-question.tsx'));
  return form ? <form.ReportQuestion {...props} /> : null;
}

/** The intro is read once per exam, online (Begin needs the server): its own small chunk. */
function IntroScreen({ model }: { model: AttemptModel }) {
  const intro = useModule(() => import('./intro.tsx'));
  return intro ? <intro.Intro model={model} /> : <p class="muted">Loading the exam…</p>;
}

/** The candidate's earlier reports, so a tutor item shows what was already said about it. */
function useMyReports(enabled: boolean): QuestionReport[] {
  const [reports, setReports] = useState<QuestionReport[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api
      .myReports()
      .then((r) => live && setReports(r.reports))
      .catch(() => undefined);
    return () => void (live = false);
  }, [enabled]);
  return reports;
}

export default function ExamRunner() {
  const { params, query } = useRoute();
  const id = params.id;
  const model = useAttempt(id);
  const { route } = useLocation();
  const phase = model.phase.value;
  const attempt = model.attempt.value;
  const slots = model.slots.value;
  const awaiting = model.awaitingBegin.value;
  const expired = model.expired.value;
  const requested = Number(params.slot);
  const slot = Number.isInteger(requested) && requested >= 1 && requested <= slots.length ? requested : null;
  const kind = setKindOf(query.set);
  const ready = slots.length > 0;
  // The set being walked, fixed when the walk starts (answering a question does not drop it).
  const walk = useMemo(() => (kind && slot !== null && ready ? walkOf(id, kind, slots, slot) : null), [id, kind, slot, ready]);
  const reports = useMyReports(attempt?.mode === 'tutor');

  usePage(
    expired ? 'Time expired' : awaiting ? 'Before you begin' : attempt && slot ? `Question ${slot} of ${slots.length}` : 'Practice exam',
    { focusHeading: false },
  );

  // A closed attempt (handed in) shows its report; one closed by the clock here says so first.
  useEffect(() => {
    if (phase === 'closed' && !expired) route(`/report/${id}`, true);
  }, [phase, expired]);

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
  if (expired) return <TimeExpired model={model} id={id} />;
  if (attempt && awaiting && phase !== 'loading') return <IntroScreen model={model} />;
  if (!attempt || slot === null || phase === 'loading' || phase === 'closed') {
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
  const reviewUrl = `/exam/${id}/review`;
  const last = slot === slots.length;
  const position = walk ? walk.indexOf(slot) : -1;
  const setPrev = walk && position > 0 ? walk[position - 1] : null;
  const setNext = walk && position < walk.length - 1 ? walk[position + 1] : null;
  const next = () => {
    if (walk && kind) return setNext !== null ? route(setHref(id, setNext, kind), true) : route(reviewUrl);
    return last ? route(reviewUrl) : go(slot + 1);
  };
  const previous = () => (walk && kind && setPrev !== null ? route(setHref(id, setPrev, kind), true) : go(slot - 1));
  const editable = phase === 'ready' && !model.timeUp.value;
  const tutor = attempt.mode === 'tutor';
  const label = kind ? SET_LABEL[kind].toLowerCase() : '';

  return (
    <div class={css.runner}>
      <StatusBar model={model} title={tutor ? 'Tutor session' : 'Practice exam'} />
      <RunnerNotices model={model} />
      {walk && kind && (
        <nav class={css.setBar} aria-label={`${SET_LABEL[kind]} questions in order`}>
          <p class={css.setTitle} data-testid="set-position">
            {SET_LABEL[kind]} {position + 1} of {walk.length}
          </p>
          <a href={reviewUrl}>Back to the review screen</a>
        </nav>
      )}
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
            onStrike={(letter) => model.toggleStrike(slot, letter)}
            currentChoice={() => model.slots.value[slot - 1]?.choice ?? null}
            onNext={next}
          >
            <div class={css.controls}>
              <button type="button" class="button--secondary" onClick={previous} disabled={walk ? setPrev === null : slot === 1}>
                {walk ? `← Previous ${label}` : '← Previous'}
              </button>
              <button
                type="button"
                class={`button--secondary ${css.flag}`}
                aria-pressed={state.flagged ? 'true' : 'false'}
                onClick={() => model.toggleFlag(slot)}
                disabled={!editable}
              >
                <FlagIcon class={css.flagIcon} />
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
                {walk ? (setNext !== null ? `Next ${label} →` : 'Back to the review →') : last ? 'Review answers →' : 'Next →'}
              </button>
            </div>
            {tutor && state.answer !== undefined && (
              <ReportQuestion
                key={slot}
                attemptId={id}
                itemId={item.itemId}
                slot={slot}
                earlier={reports.filter((r) => r.itemId === item.itemId)}
              />
            )}
          </ItemView>
        </div>
        <div class={css.side}>
          <p class={css.reviewLink}>
            <a class="button--secondary" href={reviewUrl}>
              {tutor ? 'Review and finish' : 'Review and hand in'}
            </a>
          </p>
          <Navigator slots={slots} current={slot} hrefFor={(n) => `/exam/${id}/${n}`} onJump={go} />
        </div>
      </div>
    </div>
  );
}

export { default as Review } from './review.tsx';
