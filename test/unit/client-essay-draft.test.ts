// An essay's draft on this device: where it is kept, how its revision grows, what the server's
// acknowledgement changes, and what happens when localStorage is refused or holds rubbish.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

let storage: MemoryStorage;
/** A fresh copy of the module, as after a page reload (its in-memory fallback starts empty). */
const reload = async () => {
  vi.resetModules();
  return import('../../client/lib/essay-draft.ts');
};

beforeEach(() => {
  storage = new MemoryStorage();
  Object.assign(globalThis, { localStorage: storage });
});

describe('the essay draft', () => {
  it('is kept in localStorage under cetl.essay.<id>, so a reload finds it', async () => {
    const d = await reload();
    expect(d.draftKey('e-1')).toBe('cetl.essay.e-1');
    expect(d.readDraft('e-1')).toBeNull();
    expect(d.writeDraft('e-1', { text: 'Hello', revision: 3, savedRevision: 2 })).toBe(true);
    expect(JSON.parse(storage.getItem('cetl.essay.e-1')!)).toEqual({ text: 'Hello', revision: 3, savedRevision: 2 });
    const after = await reload();
    expect(after.readDraft('e-1')).toEqual({ text: 'Hello', revision: 3, savedRevision: 2 });
    expect(after.readDraft('e-2')).toBeNull();
  });

  it('stays in this tab’s memory when storage is refused, and says so', async () => {
    const d = await reload();
    storage.refuse = true;
    expect(d.writeDraft('e-1', { text: 'Kept', revision: 1, savedRevision: 0 })).toBe(false);
    expect(d.readDraft('e-1')).toEqual({ text: 'Kept', revision: 1, savedRevision: 0 });
    const after = await reload();
    expect(after.readDraft('e-1')).toBeNull(); // memory does not survive a reload
  });

  it('falls back on memory when the stored text is not JSON', async () => {
    const d = await reload();
    storage.refuse = true;
    d.writeDraft('e-1', { text: 'Mine', revision: 2, savedRevision: 1 });
    storage.refuse = false;
    storage.setItem('cetl.essay.e-1', '{not json');
    expect(d.readDraft('e-1')).toEqual({ text: 'Mine', revision: 2, savedRevision: 1 });
    storage.setItem('cetl.essay.e-2', '{not json');
    expect(d.readDraft('e-2')).toBeNull();
  });

  it('prefers what storage holds (another tab’s newer draft) over this tab’s memory', async () => {
    const d = await reload();
    d.writeDraft('e-1', { text: 'here', revision: 1, savedRevision: 0 });
    storage.setItem('cetl.essay.e-1', JSON.stringify({ text: 'other tab', revision: 5, savedRevision: 4 }));
    expect(d.readDraft('e-1')).toEqual({ text: 'other tab', revision: 5, savedRevision: 4 });
  });
});

describe('editing', () => {
  it('a first edit is one above the server’s revision, which counts as saved', async () => {
    const d = await reload();
    expect(d.editDraft('e-1', 'First words', 4)).toEqual({ text: 'First words', revision: 5, savedRevision: 4 });
    expect(d.readDraft('e-1')).toEqual({ text: 'First words', revision: 5, savedRevision: 4 });
    expect(JSON.parse(storage.getItem('cetl.essay.e-1')!)).toEqual({ text: 'First words', revision: 5, savedRevision: 4 });
  });

  it('a new essay starts at revision 1', async () => {
    const d = await reload();
    expect(d.editDraft('e-1', 'a', 0)).toEqual({ text: 'a', revision: 1, savedRevision: 0 });
  });

  it('each edit is one above any revision this device has seen', async () => {
    const d = await reload();
    d.writeDraft('e-1', { text: 'x', revision: 7, savedRevision: 5 });
    expect(d.editDraft('e-1', 'y', 4)).toEqual({ text: 'y', revision: 8, savedRevision: 5 });
    expect(d.editDraft('e-1', 'z', 4)).toEqual({ text: 'z', revision: 9, savedRevision: 5 });
  });

  it('a server ahead of this device (another tab saved) lifts both revisions', async () => {
    const d = await reload();
    d.writeDraft('e-1', { text: 'x', revision: 2, savedRevision: 1 });
    expect(d.editDraft('e-1', 'y', 6)).toEqual({ text: 'y', revision: 7, savedRevision: 6 });
  });

  it('still counts revisions in memory when storage is refused', async () => {
    const d = await reload();
    storage.refuse = true;
    expect(d.editDraft('e-1', 'a', 0).revision).toBe(1);
    expect(d.editDraft('e-1', 'ab', 0).revision).toBe(2);
  });
});

describe('acknowledging', () => {
  it('raises the saved revision, never lowers it', async () => {
    const d = await reload();
    d.writeDraft('e-1', { text: 't', revision: 6, savedRevision: 2 });
    expect(d.acknowledgeDraft('e-1', 5)).toEqual({ text: 't', revision: 6, savedRevision: 5 });
    expect(JSON.parse(storage.getItem('cetl.essay.e-1')!).savedRevision).toBe(5);
    expect(d.acknowledgeDraft('e-1', 3)).toEqual({ text: 't', revision: 6, savedRevision: 5 });
    expect(d.readDraft('e-1')!.savedRevision).toBe(5);
  });

  it('does nothing without a draft', async () => {
    const d = await reload();
    expect(d.acknowledgeDraft('e-9', 3)).toBeNull();
    expect(storage.getItem('cetl.essay.e-9')).toBeNull();
  });
});

describe('dropping', () => {
  it('forgets the draft in storage and in memory', async () => {
    const d = await reload();
    d.writeDraft('e-1', { text: 't', revision: 1, savedRevision: 1 });
    d.dropDraft('e-1');
    expect(storage.getItem('cetl.essay.e-1')).toBeNull();
    expect(d.readDraft('e-1')).toBeNull();
  });

  it('forgets the in-memory draft even when storage is refused', async () => {
    const d = await reload();
    storage.refuse = true;
    d.writeDraft('e-1', { text: 't', revision: 1, savedRevision: 0 });
    expect(() => d.dropDraft('e-1')).not.toThrow();
    expect(d.readDraft('e-1')).toBeNull();
  });
});

describe('isUnsaved', () => {
  it('is true only for a draft newer than the server acknowledged', async () => {
    const d = await reload();
    expect(d.isUnsaved(null)).toBe(false);
    expect(d.isUnsaved({ text: '', revision: 3, savedRevision: 2 })).toBe(true);
    expect(d.isUnsaved({ text: '', revision: 3, savedRevision: 3 })).toBe(false);
    expect(d.isUnsaved({ text: '', revision: 3, savedRevision: 4 })).toBe(false);
  });
});
