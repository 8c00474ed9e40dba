// Sends an attempt's queued answers to the server, oldest first, one at a time.
import { api, ApiError, type PutResponse, type SavedResponse } from '../lib/api.ts';
import { acknowledge, pendingAnswers, queuedAttemptIds, type QueuedAnswer } from '../lib/offline-queue.ts';

export type FlushOutcome =
  | 'done' // queue empty
  | 'network' // server unreachable or failing: entries kept, try again later
  | 'closed' // attempt closed (submitted or out of time): entries kept for the candidate to see
  | 'unauthenticated'; // session ended: entries kept until the candidate signs in again

export interface FlushHooks {
  /** The server stored this write. */
  saved?(answer: QueuedAnswer, reply: SavedResponse, stillCurrent: boolean): void;
  /** The server refused this write for good (e.g. tutor answer already checked); it left the queue. */
  refused?(answer: QueuedAnswer, error: ApiError): void;
}

/** The PUT body for a queued write: the whole response; strikes only when the entry carries them. */
export function bodyOf(answer: QueuedAnswer): PutResponse {
  return {
    choice: answer.choice,
    flagged: answer.flagged,
    guessed: answer.guessed ?? false,
    ...(answer.struck !== undefined && { struck: answer.struck }),
  };
}

const inFlight = new Map<string, Promise<FlushOutcome>>();

export function flushQueue(attemptId: string, hooks: FlushHooks = {}): Promise<FlushOutcome> {
  const running = inFlight.get(attemptId);
  if (running) return running;
  const run = (async (): Promise<FlushOutcome> => {
    for (;;) {
      const next = pendingAnswers(attemptId)[0];
      if (!next) return 'done';
      let reply: SavedResponse;
      try {
        reply = await api.putResponse(attemptId, next.slot, bodyOf(next));
      } catch (err) {
        if (!(err instanceof ApiError) || err.retryable) return 'network';
        if (err.status === 401) return 'unauthenticated';
        if (err.code === 'attempt_closed' || err.status === 404) return 'closed';
        // A refusal that retrying cannot fix (locked tutor answer, invalid slot): drop it, say so.
        acknowledge(attemptId, next.slot, next.seq);
        hooks.refused?.(next, err);
        continue;
      }
      const current = acknowledge(attemptId, next.slot, next.seq);
      hooks.saved?.(next, reply, current);
    }
  })().finally(() => inFlight.delete(attemptId));
  inFlight.set(attemptId, run);
  return run;
}

/** Sends whatever earlier visits left queued on this device for these (the candidate's open) attempts. */
export function flushQueuesFor(openAttemptIds: readonly string[]): void {
  const mine = new Set(openAttemptIds);
  for (const id of queuedAttemptIds()) if (mine.has(id)) void flushQueue(id);
}
