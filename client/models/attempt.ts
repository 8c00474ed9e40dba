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
  /** A write for this slot is waiting for the server. */
  pending: boolean;
  answer?: Choice;
  correct?: boolean;
  rationale?: Record<Choice, string>;
}

export type Phase = 'loading' | 'ready' | 'handing-in' | 'closed' | 'error';
export type SaveState = 'saved' | 'saving' | 'offline';

const FLUSH_EVERY_MS = 5_000;
const TICK_MS = 250;

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
    return a ? Math.max(0, a.ms - (now.value - a.at)) : null;
  });

  const timeUp = computed(() => timed.value && remainingMs.value === 0);

  const slots = computed<SlotState[]>(() =>
    items.value.map((item) => {
      const ack = acknowledged.value[item.slot];
      const queued = queue.value[item.slot];
      const base: SlotState = {
        slot: item.slot,
        choice: ack?.choice ?? null,
        flagged: ack?.flagged ?? false,
        guessed: ack?.guessed ?? false,
        pending: false,
        answer: ack?.answer,
        correct: ack?.correct,
        rationale: ack?.rationale,
      };
      return queued ? { ...base, choice: queued.choice, flagged: queued.flagged, guessed: queued.guessed ?? false, pending: true } : base;
    }),
  );
  const waiting = computed(() => Object.keys(queue.value).length);
  const saveState = computed<SaveState>(() => {
    if (waiting.value === 0) return sending.value ? 'saving' : 'saved';
    return !online.value || unreachable.value ? 'offline' : 'saving';
  });

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
      else if (phase.value === 'loading' || phase.value === 'error') phase.value = 'ready';
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

  function write(slot: number, choice: Choice | null, flagged: boolean, guessed: boolean) {
    if (phase.value !== 'ready' || timeUp.value) return;
    const { persisted: kept } = enqueue(id, { slot, choice, flagged, guessed });
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
    write(slot, choice, s.flagged, s.guessed);
  }

  function toggleFlag(slot: number) {
    const s = stateOf(slot);
    if (s) write(slot, s.choice, !s.flagged, s.guessed);
  }

  /** "I guessed": kept with the answer; a right guess still becomes a review card. */
  function toggleGuessed(slot: number) {
    const s = stateOf(slot);
    if (s) write(slot, s.choice, s.flagged, !s.guessed);
  }

  /** Sends what is queued, then submits. Safe to call repeatedly (time-out and button). */
  let handing: Promise<void> | null = null;
  /** A hand-in failed for lack of network; the retry interval and the online event try again. */
  let retryHandIn = false;
  function handIn(): Promise<void> {
    if (phase.value === 'closed') return Promise.resolve();
    handing ??= (async () => {
      phase.value = 'handing-in';
      await flush();
      if ((phase.value as Phase) === 'closed') return;
      try {
        const report = await api.submit(id);
        batch(() => {
          if (attempt.value) attempt.value = { ...attempt.value, status: report.status, closedBy: report.closedBy };
          phase.value = 'closed';
          notice.value = null;
        });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) currentUser.value = null;
        phase.value = 'ready';
        notice.value =
          err instanceof ApiError && err.retryable
            ? 'Handing in is waiting for the connection; it will go through when the network returns. Keep this page open.'
            : err instanceof ApiError
              ? err.message
              : 'Handing in failed; try again.';
        retryHandIn = true;
      }
    })().finally(() => (handing = null));
    return handing;
  }
  // Clocks and connectivity, started once per model and stopped by dispose().
  const tick = setInterval(() => {
    now.value = performance.now();
    if (phase.value === 'ready' && timeUp.value && !retryHandIn) void handIn();
  }, TICK_MS);
  const retry = setInterval(() => {
    if (phase.value !== 'ready') return;
    if (Object.keys(readQueue(id)).length) void flush();
    if (retryHandIn) {
      retryHandIn = false;
      void handIn();
    }
  }, FLUSH_EVERY_MS);
  const wentOnline = () => {
    online.value = true;
    void flush().then(() => {
      if (retryHandIn && phase.value === 'ready') {
        retryHandIn = false;
        void handIn();
      }
    });
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
    load,
    flush,
    choose,
    toggleFlag,
    toggleGuessed,
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
    if (entry.model.waiting.value > 0) {
      entry.idle = setTimeout(stopWhenIdle, FLUSH_EVERY_MS); // keep flushing until all is saved
      return;
    }
    entry.model.dispose();
    live = null;
  };
  entry.idle = setTimeout(stopWhenIdle, 1_000);
}
