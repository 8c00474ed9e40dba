// The offline queue's ordering across tabs and its in-memory fallback when localStorage refuses
// (private mode, a full quota). test/unit/offline-queue.test.ts covers the storage round trip.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

let storage: MemoryStorage;
/** A fresh copy of the module: another tab, or the same tab after a reload. */
const tab = async () => {
  vi.resetModules();
  return import('../../client/lib/offline-queue.ts');
};

beforeEach(() => {
  storage = new MemoryStorage();
  Object.assign(globalThis, { localStorage: storage, addEventListener: () => {}, removeEventListener: () => {} });
  vi.useRealTimers();
});

describe('ordering', () => {
  it('a later write in another tab comes after every earlier write in this one', async () => {
    vi.useFakeTimers({ now: 2_000_000 });
    const a = await tab();
    a.enqueue('x', { slot: 1, choice: 'A', flagged: false });
    a.enqueue('x', { slot: 2, choice: 'B', flagged: false });
    a.enqueue('x', { slot: 3, choice: 'C', flagged: false });
    vi.setSystemTime(2_000_001); // a millisecond later, in a tab whose own count starts again
    const b = await tab();
    b.enqueue('x', { slot: 4, choice: 'D', flagged: false });
    expect(b.pendingAnswers('x').map((q) => q.slot)).toEqual([1, 2, 3, 4]);
    vi.useRealTimers();
  });

  it('writes in the same millisecond keep their order', async () => {
    vi.useFakeTimers({ now: 3_000_000 });
    const q = await tab();
    for (const slot of [7, 3, 5, 1]) q.enqueue('x', { slot, choice: 'A', flagged: false });
    expect(q.pendingAnswers('x').map((a) => a.slot)).toEqual([7, 3, 5, 1]);
    const seqs = q.pendingAnswers('x').map((a) => a.seq);
    expect(seqs).toEqual([3_000_000_000, 3_000_000_001, 3_000_000_002, 3_000_000_003]);
    vi.useRealTimers();
  });

  it('a rewrite of a slot moves it to the end, with the latest choice', async () => {
    const q = await tab();
    q.enqueue('x', { slot: 1, choice: 'A', flagged: false });
    q.enqueue('x', { slot: 2, choice: 'B', flagged: false });
    q.enqueue('x', { slot: 1, choice: 'C', flagged: true, guessed: true });
    expect(q.pendingAnswers('x').map((a) => [a.slot, a.choice, a.flagged, a.guessed])).toEqual([[2, 'B', false, undefined], [1, 'C', true, true]]);
  });
});

describe('when storage is refused', () => {
  it('answers queue in this tab’s memory, and the caller is told they are not kept', async () => {
    const q = await tab();
    storage.refuse = true;
    const { persisted, entry } = q.enqueue('x', { slot: 1, choice: 'A', flagged: false });
    expect(persisted).toBe(false);
    expect(q.readQueue('x')).toEqual({ 1: entry });
    expect(q.pendingAnswers('x')).toEqual([entry]);
    expect(q.queuedAttemptIds()).toEqual(['x']);
    expect(storage.data.size).toBe(0);
  });

  it('acknowledging and clearing work in memory too', async () => {
    const q = await tab();
    storage.refuse = true;
    const first = q.enqueue('x', { slot: 1, choice: 'A', flagged: false }).entry;
    q.enqueue('x', { slot: 2, choice: 'B', flagged: false });
    expect(q.acknowledge('x', 1, first.seq + 1)).toBe(false);
    expect(q.acknowledge('x', 1, first.seq)).toBe(true);
    expect(q.pendingAnswers('x').map((a) => a.slot)).toEqual([2]);
    q.clearQueue('x');
    expect(q.readQueue('x')).toEqual({});
    expect(q.queuedAttemptIds()).toEqual([]);
  });

  it('a queue read is a copy: changing it changes nothing kept', async () => {
    const q = await tab();
    storage.refuse = true;
    q.enqueue('x', { slot: 1, choice: 'A', flagged: false });
    const copy = q.readQueue('x');
    delete copy[1];
    expect(Object.keys(q.readQueue('x'))).toEqual(['1']);
  });

  it('lists attempts waiting in memory and in storage', async () => {
    const q = await tab();
    storage.setItem('cetl.queue.stored', JSON.stringify({ 1: { slot: 1, choice: 'A', flagged: false, seq: 1, at: 1 } }));
    storage.refuse = true;
    q.enqueue('in-memory', { slot: 1, choice: 'A', flagged: false });
    expect(q.queuedAttemptIds()).toEqual(['in-memory']); // storage cannot even be listed
    storage.refuse = false;
    expect(q.queuedAttemptIds().sort()).toEqual(['in-memory', 'stored']);
  });

  it('a memory queue emptied is forgotten, so it is not listed', async () => {
    const q = await tab();
    const { entry } = q.enqueue('x', { slot: 1, choice: 'A', flagged: false });
    storage.refuse = true;
    expect(q.acknowledge('x', 1, entry.seq)).toBe(true);
    storage.refuse = false;
    // Storage still has the old entry (its removal was refused); memory has none.
    expect(q.queuedAttemptIds()).toEqual(['x']);
    storage.clear();
    expect(q.queuedAttemptIds()).toEqual([]);
  });

  it('a stored queue that is not JSON falls back on memory', async () => {
    const q = await tab();
    storage.refuse = true;
    q.enqueue('x', { slot: 5, choice: 'D', flagged: false });
    storage.refuse = false;
    storage.setItem('cetl.queue.x', 'not json');
    expect(q.pendingAnswers('x').map((a) => a.slot)).toEqual([5]);
    expect(q.readQueue('y')).toEqual({});
  });
});

describe('another tab', () => {
  it('calls back for this attempt’s key and for a cleared storage only', async () => {
    const events = new EventTarget();
    Object.assign(globalThis, { addEventListener: events.addEventListener.bind(events), removeEventListener: events.removeEventListener.bind(events) });
    const q = await tab();
    let calls = 0;
    q.onQueueChangedElsewhere('x', () => calls++);
    const storageEvent = (key: string | null) => Object.assign(new Event('storage'), { key });
    events.dispatchEvent(storageEvent('cetl.queue.y'));
    events.dispatchEvent(storageEvent('cetl.essay.x'));
    expect(calls).toBe(0);
    events.dispatchEvent(storageEvent(null));
    expect(calls).toBe(1);
    events.dispatchEvent(storageEvent('cetl.queue.x'));
    expect(calls).toBe(2);
  });
});
