// The offline queue on its own: what it keeps in localStorage, in which order it hands answers
// back, what a reload finds, and what another tab's change triggers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

let storage: MemoryStorage;
const events = new EventTarget();
/** A fresh copy of the module, as after a page reload (its in-memory fallback starts empty). */
const reload = async () => {
  vi.resetModules();
  return import('../../client/lib/offline-queue.ts');
};

beforeEach(() => {
  storage = new MemoryStorage();
  Object.assign(globalThis, {
    localStorage: storage,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  });
});
afterEach(() => vi.useRealTimers());

describe('the offline queue', () => {
  it('keeps answers in localStorage under the attempt, so a reload finds them', async () => {
    const q = await reload();
    expect(q.enqueue('att-1', { slot: 4, choice: 'C', flagged: true }).persisted).toBe(true);
    expect(JSON.parse(storage.getItem('cetl.queue.att-1')!)).toMatchObject({ 4: { slot: 4, choice: 'C', flagged: true } });
    const after = await reload();
    expect(after.pendingAnswers('att-1')).toMatchObject([{ slot: 4, choice: 'C', flagged: true }]);
    expect(after.queuedAttemptIds()).toEqual(['att-1']);
  });

  it('hands answers back oldest first, across slots, with increasing sequence numbers', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const q = await reload();
    const a = q.enqueue('att-2', { slot: 9, choice: 'A', flagged: false }).entry;
    const b = q.enqueue('att-2', { slot: 2, choice: 'B', flagged: false }).entry;
    vi.setSystemTime(1_000_005);
    const c = q.enqueue('att-2', { slot: 5, choice: 'D', flagged: false }).entry;
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(c.seq).toBeGreaterThan(b.seq);
    expect(a.at).toBe(1_000_000);
    expect(q.pendingAnswers('att-2').map((x) => x.slot)).toEqual([9, 2, 5]);
  });

  it('forgets an acknowledged write and removes the stored queue once it is empty', async () => {
    const q = await reload();
    const { entry } = q.enqueue('att-3', { slot: 1, choice: 'A', flagged: false });
    expect(q.acknowledge('att-3', 2, entry.seq)).toBe(false); // no such slot queued
    expect(q.acknowledge('att-3', 1, entry.seq + 1)).toBe(false); // not the write acknowledged
    expect(q.acknowledge('att-3', 1, entry.seq)).toBe(true);
    expect(storage.getItem('cetl.queue.att-3')).toBeNull();
    expect(q.queuedAttemptIds()).toEqual([]);
    q.enqueue('att-3', { slot: 1, choice: 'B', flagged: false });
    q.clearQueue('att-3');
    expect(storage.getItem('cetl.queue.att-3')).toBeNull();
    expect(q.readQueue('att-3')).toEqual({});
  });

  it('lists only attempts with answers waiting, from storage and from memory', async () => {
    const q = await reload();
    storage.setItem('cetl.queue.att-4', JSON.stringify({ 1: { slot: 1, choice: 'A', flagged: false, seq: 1, at: 1 } }));
    storage.setItem('cetl.queue.att-5', JSON.stringify({}));
    storage.setItem('unrelated', 'x');
    expect(q.queuedAttemptIds()).toEqual(['att-4']);
  });

  it('calls back when another tab changes this attempt’s queue, and stops when asked', async () => {
    const q = await reload();
    const calls: string[] = [];
    const stop = q.onQueueChangedElsewhere('att-6', () => calls.push('changed'));
    const storageEvent = (key: string | null) => Object.assign(new Event('storage'), { key });
    events.dispatchEvent(storageEvent('cetl.queue.att-6'));
    events.dispatchEvent(storageEvent('cetl.queue.other'));
    events.dispatchEvent(storageEvent(null)); // storage cleared
    expect(calls).toEqual(['changed', 'changed']);
    stop();
    events.dispatchEvent(storageEvent('cetl.queue.att-6'));
    expect(calls).toHaveLength(2);
  });
});
