// Answers waiting for the server, kept in localStorage per attempt so that a closed tab, a reload
// or a lost network never loses one. One entry per slot: the latest choice for a slot replaces the
// older one (last write wins); an entry leaves the queue only when the server has acknowledged
// exactly that write.
import type { Choice } from './api.ts';

export interface QueuedAnswer {
  slot: number;
  choice: Choice | null;
  flagged: boolean;
  /** "I guessed" (absent in entries queued before the toggle existed: not guessed). */
  guessed?: boolean;
  /** Options struck out, letters in order ("AC"); absent in entries from before strike-out (the server keeps its own). */
  struck?: string;
  /** Increases with every write on this device, across tabs; identifies the write to acknowledge. */
  seq: number;
  /** When the candidate made the choice (client clock; informational). */
  at: number;
}

export type Queue = Record<number, QueuedAnswer>;

const PREFIX = 'cetl.queue.';
export const queueKey = (attemptId: string) => PREFIX + attemptId;

/** Used when localStorage is unavailable (private mode, quota): answers still queue for this tab. */
const memory = new Map<string, Queue>();
let counter = 0;

function load(attemptId: string): Queue {
  try {
    const raw = localStorage.getItem(queueKey(attemptId));
    if (raw !== null) return JSON.parse(raw) as Queue;
  } catch {
    /* fall through to memory */
  }
  return { ...(memory.get(attemptId) ?? {}) };
}

/** Returns false when the queue could only be kept in memory (the caller may warn). */
function store(attemptId: string, queue: Queue): boolean {
  const empty = Object.keys(queue).length === 0;
  if (empty) memory.delete(attemptId);
  else memory.set(attemptId, queue);
  try {
    if (empty) localStorage.removeItem(queueKey(attemptId));
    else localStorage.setItem(queueKey(attemptId), JSON.stringify(queue));
    return true;
  } catch {
    return false;
  }
}

export function readQueue(attemptId: string): Queue {
  return load(attemptId);
}

export function pendingAnswers(attemptId: string): QueuedAnswer[] {
  return Object.values(load(attemptId)).sort((a, b) => a.seq - b.seq);
}

export function enqueue(attemptId: string, answer: Pick<QueuedAnswer, 'slot' | 'choice' | 'flagged' | 'guessed' | 'struck'>): { entry: QueuedAnswer; persisted: boolean } {
  const queue = load(attemptId);
  const now = Date.now();
  const entry: QueuedAnswer = { ...answer, at: now, seq: now * 1000 + (counter++ % 1000) };
  queue[answer.slot] = entry;
  return { entry, persisted: store(attemptId, queue) };
}

/** Removes the slot's entry only if it is still the write the server acknowledged. */
export function acknowledge(attemptId: string, slot: number, seq: number): boolean {
  const queue = load(attemptId);
  if (queue[slot]?.seq !== seq) return false;
  delete queue[slot];
  store(attemptId, queue);
  return true;
}

export function clearQueue(attemptId: string): void {
  store(attemptId, {});
}

/** Attempt ids with answers waiting on this device. */
export function queuedAttemptIds(): string[] {
  const ids = new Set(memory.keys());
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) ids.add(key.slice(PREFIX.length));
    }
  } catch {
    /* memory only */
  }
  return [...ids].filter((id) => Object.keys(load(id)).length > 0);
}

/** Calls back when another tab changes this attempt's queue. */
export function onQueueChangedElsewhere(attemptId: string, callback: () => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key === queueKey(attemptId) || e.key === null) callback();
  };
  addEventListener('storage', listener);
  return () => removeEventListener('storage', listener);
}
