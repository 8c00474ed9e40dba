// An essay's latest text on this device, with its revision, kept in localStorage so that a reload,
// a closed tab or a lost network never loses a word, and so a second tab resumes where the first
// one is. The revision only grows; the server keeps whichever text has the highest.
export interface Draft {
  text: string;
  revision: number;
  /** The highest revision the server has acknowledged. */
  savedRevision: number;
}

const PREFIX = 'cetl.essay.';
export const draftKey = (essayId: string) => PREFIX + essayId;
const memory = new Map<string, Draft>();

export function readDraft(essayId: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(essayId));
    if (raw !== null) return JSON.parse(raw) as Draft;
  } catch {
    /* storage unavailable or corrupt: fall back to this tab's memory */
  }
  return memory.get(essayId) ?? null;
}

/** Returns false when the draft could be kept only in this tab's memory. */
export function writeDraft(essayId: string, draft: Draft): boolean {
  memory.set(essayId, draft);
  try {
    localStorage.setItem(draftKey(essayId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** A new text: its revision is one above any this device has seen for the essay. */
export function editDraft(essayId: string, text: string, serverRevision: number): Draft {
  const current = readDraft(essayId);
  const revision = Math.max(current?.revision ?? 0, serverRevision) + 1;
  const draft = { text, revision, savedRevision: Math.max(current?.savedRevision ?? 0, serverRevision) };
  writeDraft(essayId, draft);
  return draft;
}

/** The server stored (or already had newer than) this revision. */
export function acknowledgeDraft(essayId: string, revision: number): Draft | null {
  const current = readDraft(essayId);
  if (!current) return null;
  const next = { ...current, savedRevision: Math.max(current.savedRevision, revision) };
  writeDraft(essayId, next);
  return next;
}

export function dropDraft(essayId: string): void {
  memory.delete(essayId);
  try {
    localStorage.removeItem(draftKey(essayId));
  } catch {
    /* nothing stored */
  }
}

/** Text still to be sent: a draft newer than what the server acknowledged. */
export const isUnsaved = (draft: Draft | null) => Boolean(draft && draft.revision > draft.savedRevision);
