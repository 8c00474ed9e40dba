// State of one attempt in the runner: items, responses (acknowledged + queued), save state and the
// countdown. Components read signals and call actions; only this model talks to the API.
import { batch, computed, signal } from '@preact/signals';
import { api, ApiError, type AttemptSummary, type Choice, type ServerResponse, type SlotItem } from '../lib/api.ts';
import { clearQueue, enqueue, onQueueChangedElsewhere, readQueue, type Queue } from '../lib/offline-queue.ts';
import { flushQueue } from './answer-sync.ts';
import { currentUser } from './session.ts';

export interface SlotState {
  slot: number;
  choice: Choice | null;
  flagged: boolean;
  /** The candidate marked the answer "I guessed" (it comes back in spaced review even if right). */
  guessed: boolean;
  /** Options struck out, letters in order ("AC"); undefined when none. */
  struck?: string;
  /** A write for this slot is waiting for the server. */
  pending: boolean;
  answer?: Choice;
  correct?: boolean;
  rationale?: Record<Choice, string>;
}

export type Phase = 'loading' | 'ready' | 'handing-in' | 'closed' | 'error';
export type SaveState = 'saved' | 'saving' | 'offline';
/** Why writes are not getting through: the browser says it is offline, or the server does not answer. */
export type Connection = 'online' | 'offline' | 'unreachable';
/**
 * The hand-in as the candidate sees it: not asked for, a request out, failed and waiting to try again
 * by itself (no network, server down), refused for a reason retrying cannot fix, or done.
 */
export type HandInState = 'idle' | 'sending' | 'waiting' | 'failed' | 'done';

const FLUSH_EVERY_MS = 5_000;
const TICK_MS = 250;
/** A failed hand-in is tried again after 5 s, then 10, 20, 40, 60, 60… while the page is open. */
export const HAND_IN_RETRY_MS = [5_000, 10_000, 20_000, 40_000, 60_000] as const;
export const handInRetryDelay = (failures: number) => HAND_IN_RETRY_MS[Math.min(Math.max(failures, 1), HAND_IN_RETRY_MS.length) - 1];

/** A letter struck or unstruck, keeping the letters in order without repeats. */
export function toggleLetter(struck: string, letter: Choice): string {
  const set = new Set(struck);
  if (set.has(letter)) set.delete(letter);
  else set.add(letter);
  return [...set].sort().join('');
}

/** Why writes or a hand-in are not getting through, in words. */
export const connectionProblem = (c: Connection) => (c === 'offline' ? 'You are offline' : 'The server cannot be reached');

export function createAttemptModel(id: string) {
  const phase = signal<Phase>('loading');
  const error = signal<string | null>(null);
  /** Non-fatal messages for the candidate (a refused write, a hand-in waiting for the network). */
  const notice = signal<string | null>(null);
  const attempt = signal<AttemptSummary | null>(null);
  const items = signal<SlotItem[]>([]);
  const acknowledged = signal<Record<number, ServerResponse>>({});
  const queue = signal<Queue>(readQueue(id));
  const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  const unreachable = signal(false);
  const sending = signal(false);
  const persisted = signal(true);
  /** Server's remainingMs and the moment (performance.now) it was received. */
  const anchor = signal<{ ms: number; at: number } | null>(null);
  const now = signal(performance.now());

  const timed = computed(() => attempt.value?.deadline !== null && attempt.value?.deadline !== undefined);
  const remainingMs = computed(() => {
    const a = anchor.value;
    // `now` ticks every 250 ms and may be older than the latest reading: never count up past it.
    return a ? Math.max(0, a.ms - Math.max(0, now.value - a.at)) : null;
  });

  const timeUp = computed(() => timed.value && remainingMs.value === 0);
  /** A timed attempt whose clock waits for the candidate's Begin (the intro screen). */
  const awaitingBegin = computed(() => attempt.value?.status === 'open' && attempt.value.begun === false);
  const beginning = signal(false);
  const handInState = signal<HandInState>('idle');
  /** Why the hand-in was refused (the server's message); a waiting hand-in's reason is `connection`. */
  const handInProblem = signal<string | null>(null);
  /** This page saw the attempt open: a close by the clock is then told as such, not just a jump to the report. */
  const sawOpen = signal(false);
  const expired = computed(() => phase.value === 'closed' && attempt.value?.closedBy === 'time' && sawOpen.value);

  const slots = computed<SlotState[]>(() =>
    items.value.map((item) => {
      const ack = acknowledged.value[item.slot];
      const queued = queue.value[item.slot];
      const base: SlotState = {
        slot: item.slot,
        choice: ack?.choice ?? null,
        flagged: ack?.flagged ?? false,
        guessed: ack?.guessed ?? false,
        struck: ack?.struck || undefined,
        pending: false,
        answer: ack?.answer,
        correct: ack?.correct,
        rationale: ack?.rationale,
      };
      if (!queued) return base;
      const struck = queued.struck === undefined ? base.struck : queued.struck || undefined;
      return { ...base, choice: queued.choice, flagged: queued.flagged, guessed: queued.guessed ?? false, struck, pending: true };
    }),
  );
  const waiting = computed(() => Object.keys(queue.value).length);
  const saveState = computed<SaveState>(() => {
    if (waiting.value === 0) return sending.value ? 'saving' : 'saved';
    return !online.value || unreachable.value ? 'offline' : 'saving';
  });
  const connection = computed<Connection>(() => (!online.value ? 'offline' : unreachable.value ? 'unreachable' : 'online'));

  const refreshQueue = () => (queue.value = readQueue(id));
  const sync = (ms: number | null) => (anchor.value = ms === null ? null : { ms, at: performance.now() });

  function applyReply(reply: { attempt: AttemptSummary; items: SlotItem[]; responses?: ServerResponse[] }) {
    batch(() => {
      attempt.value = reply.attempt;
      items.value = reply.items;
      acknowledged.value = Object.fromEntries((reply.responses ?? []).map((r) => [r.slot, r]));
      sync(reply.attempt.remainingMs);
      refreshQueue();
      if (reply.attempt.status === 'submitted') phase.value = 'closed';
      else {
        sawOpen.value = true;
        if (phase.value === 'loading' || phase.value === 'error') phase.value = 'ready';
      }
    });
  }

  async function load(): Promise<void> {
    try {
      applyReply(await api.attempt(id));
      error.value = null;
      if (phase.value === 'ready') {
        void flush();
        if (timeUp.value) void handIn();
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return void (currentUser.value = null);
      if (phase.value === 'loading' || phase.value === 'error') {
        phase.value = 'error';
        error.value = err instanceof ApiError ? err.message : 'The attempt could not be loaded.';
      }
    }
  }

  async function flush(): Promise<void> {
    if (waiting.value === 0 && Object.keys(readQueue(id)).length === 0) return;
    sending.value = true;
    const outcome = await flushQueue(id, {
      saved(_answer, reply, stillCurrent) {
        batch(() => {
          const { remainingMs: ms, ...response } = reply;
          acknowledged.value = { ...acknowledged.value, [reply.slot]: response };
          sync(ms);
          if (stillCurrent) unreachable.value = false;
          refreshQueue();
        });
      },
      refused(answer, err) {
        notice.value = `Question ${answer.slot}: ${err.message}`;
        refreshQueue();
        void load();
      },
    });
    batch(() => {
      sending.value = false;
      unreachable.value = outcome === 'network';
      refreshQueue();
    });
    if (outcome === 'closed') {
      // The server no longer takes answers: show the report; anything still queued stays on this
      // device and the report lists it, so nothing is lost silently.
      await load();
      if (attempt.value?.status === 'submitted') phase.value = 'closed';
    } else if (outcome === 'unauthenticated') {
      currentUser.value = null;
    }
  }

  function write(slot: number, choice: Choice | null, flagged: boolean, guessed: boolean, struck = '') {
    if (phase.value !== 'ready' || timeUp.value || awaitingBegin.value) return;
    const { persisted: kept } = enqueue(id, { slot, choice, flagged, guessed, struck });
    persisted.value = kept;
    refreshQueue();
    void flush();
  }

  const stateOf = (slot: number) => slots.value.find((s) => s.slot === slot);

  /** Exam mode: every choice is saved at once. Tutor mode: this is the checked answer. */
  function choose(slot: number, choice: Choice | null) {
    const s = stateOf(slot);
    if (!s) return;
    if (attempt.value?.mode === 'tutor' && s.choice !== null) return; // locked once checked
    if (s.choice === choice) return;
    // Choosing a struck option brings it back.
    const struck = (s.struck ?? '').replace(choice ?? '', '');
    write(slot, choice, s.flagged, s.guessed, struck);
  }

  function toggleFlag(slot: number) {
    const s = stateOf(slot);
    if (s) write(slot, s.choice, !s.flagged, s.guessed, s.struck);
  }

  /** "I guessed": kept with the answer; a right guess still becomes a review card. */
  function toggleGuessed(slot: number) {
    const s = stateOf(slot);
    if (s) write(slot, s.choice, s.flagged, !s.guessed, s.struck);
  }

  /** Strikes an option out, or back in; saved like a flag, without choosing. */
  function toggleStrike(slot: number, letter: Choice) {
    const s = stateOf(slot);
    if (!s || (attempt.value?.mode === 'tutor' && s.choice !== null)) return;
    write(slot, s.choice, s.flagged, s.guessed, toggleLetter(s.struck ?? '', letter));
  }

  /** The intro's Begin: the server starts the clock (once, however often it is asked). */
  async function begin(): Promise<void> {
    if (beginning.value || !awaitingBegin.value) return;
    beginning.value = true;
    try {
      applyReply(await api.beginAttempt(id));
      notice.value = null;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) currentUser.value = null;
      notice.value = err instanceof ApiError ? err.message : 'The exam could not be started; try again.';
    } finally {
      beginning.value = false;
    }
  }

  /** Sends what is queued, then submits. Safe to call repeatedly (time-out, button, retries). */
  let handing: Promise<void> | null = null;
  /** Failed hand-ins in a row (network or server), for the backoff; the timer of the next try. */
  let handInFailures = 0;
  let handInRetry: ReturnType<typeof setTimeout> | undefined;
  const queued = () => Object.keys(readQueue(id)).length;
  /** A failure worth retrying: wait with backoff, say why (offline or unreachable), keep the page usable. */
  function waitToRetry(message: string) {
    handInFailures++;
    batch(() => {
      phase.value = 'ready';
      handInState.value = 'waiting';
      handInProblem.value = null;
      notice.value = message;
    });
    clearTimeout(handInRetry);
    handInRetry = setTimeout(() => void handIn(), handInRetryDelay(handInFailures));
  }
  function handIn(): Promise<void> {
    if (phase.value === 'closed') return Promise.resolve();
    clearTimeout(handInRetry);
    handing ??= (async () => {
      batch(() => {
        phase.value = 'handing-in';
        handInState.value = 'sending';
        handInProblem.value = null;
      });
      await flush();
      if ((phase.value as Phase) === 'closed') return void (handInState.value = 'done');
      // Answers still on this device must reach the server before it scores the attempt.
      if (queued() > 0 && unreachable.value) {
        return waitToRetry('Handing in is waiting for the connection; your last answers are not saved yet. Keep this page open.');
      }
      try {
        const report = await api.submit(id);
        batch(() => {
          if (attempt.value) attempt.value = { ...attempt.value, status: report.status, closedBy: report.closedBy };
          phase.value = 'closed';
          handInState.value = 'done';
          handInFailures = 0;
          notice.value = null;
        });
      } catch (err) {
        if (err instanceof ApiError && err.retryable) {
          unreachable.value = true;
          return waitToRetry('Handing in is waiting for the connection; it will go through when the network returns. Keep this page open.');
        }
        if (!(err instanceof ApiError)) return waitToRetry('Handing in failed; try again.');
        if (err.status === 401) currentUser.value = null;
        batch(() => {
          phase.value = 'ready';
          handInState.value = 'failed';
          handInProblem.value = err.message;
          notice.value = err.message;
        });
      }
    })().finally(() => (handing = null));
    return handing;
  }
  // Clocks and connectivity, started once per model and stopped by dispose().
  const tick = setInterval(() => {
    now.value = performance.now();
    if (phase.value === 'ready' && timeUp.value && handInState.value === 'idle') void handIn();
  }, TICK_MS);
  const retry = setInterval(() => {
    if (phase.value !== 'ready') return;
    if (Object.keys(readQueue(id)).length) void flush();
  }, FLUSH_EVERY_MS);
  const wentOnline = () => {
    online.value = true;
    if (handInState.value === 'waiting' && phase.value === 'ready') return void handIn();
    void flush();
  };
  const wentOffline = () => (online.value = false);
  const visible = () => {
    if (document.visibilityState === 'visible' && phase.value === 'ready') void load();
  };
  let reloadSoon: ReturnType<typeof setTimeout> | undefined;
  const stopWatching = onQueueChangedElsewhere(id, () => {
    refreshQueue();
    // Another tab saved or queued answers: fetch what the server now holds.
    clearTimeout(reloadSoon);
    reloadSoon = setTimeout(() => void load(), 300);
  });
  // Closing the tab with answers still queued: they stay on this device and are sent next visit,
  // but the browser's "leave page?" prompt gives the candidate the chance to wait for the network.
  const leaving = (e: BeforeUnloadEvent) => {
    if (Object.keys(readQueue(id)).length === 0) return;
    e.preventDefault();
    e.returnValue = '';
  };
  addEventListener('beforeunload', leaving);
  addEventListener('online', wentOnline);
  addEventListener('offline', wentOffline);
  document.addEventListener('visibilitychange', visible);

  function dispose() {
    clearInterval(tick);
    clearInterval(retry);
    clearTimeout(reloadSoon);
    clearTimeout(handInRetry);
    stopWatching();
    removeEventListener('beforeunload', leaving);
    removeEventListener('online', wentOnline);
    removeEventListener('offline', wentOffline);
    document.removeEventListener('visibilitychange', visible);
  }

  void load();

  return {
    id,
    phase,
    error,
    notice,
    attempt,
    items,
    slots,
    waiting,
    saveState,
    persisted,
    timed,
    timeUp,
    remainingMs,
    connection,
    awaitingBegin,
    beginning,
    handInState,
    handInProblem,
    expired,
    load,
    flush,
    begin,
    choose,
    toggleFlag,
    toggleGuessed,
    toggleStrike,
    handIn,
    dispose,
    /** Forget answers that can no longer be saved (after the candidate has seen them). */
    discardUnsaved: () => {
      clearQueue(id);
      refreshQueue();
    },
  };
}

export type AttemptModel = ReturnType<typeof createAttemptModel>;

// One live model, shared by the runner and the review screen; kept alive while answers wait.
let live: { model: AttemptModel; users: number; idle?: ReturnType<typeof setTimeout> } | null = null;

export function acquireAttempt(id: string): AttemptModel {
  if (live && live.model.id !== id) {
    live.model.dispose();
    live = null;
  }
  live ??= { model: createAttemptModel(id), users: 0 };
  clearTimeout(live.idle);
  live.users++;
  return live.model;
}

export function releaseAttempt(model: AttemptModel): void {
  if (!live || live.model !== model) return;
  live.users--;
  if (live.users > 0) return;
  const entry = live;
  const stopWhenIdle = () => {
    if (entry.users > 0 || live !== entry) return;
    if (entry.model.waiting.value > 0 || entry.model.handInState.value === 'waiting') {
      entry.idle = setTimeout(stopWhenIdle, FLUSH_EVERY_MS); // keep flushing until all is saved
      return;
    }
    entry.model.dispose();
    live = null;
  };
  entry.idle = setTimeout(stopWhenIdle, 1_000);
}
