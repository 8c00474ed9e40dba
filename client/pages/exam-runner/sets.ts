// "Review flagged in order" / "Review unanswered in order": the review screen fixes the list of
// slots as it stands (answering one does not pull it out of the walk), the runner steps through it
// with ?set=flagged|unanswered and returns to the review at the end. Kept per tab.
import type { SlotState } from '../../models/attempt.ts';

export type SetKind = 'flagged' | 'unanswered';
export const SET_LABEL: Record<SetKind, string> = { flagged: 'Flagged', unanswered: 'Unanswered' };

const key = (id: string, kind: SetKind) => `cetl.set.${id}.${kind}`;

export const setKindOf = (value: string | undefined): SetKind | null => (value === 'flagged' || value === 'unanswered' ? value : null);

export const inSet = (kind: SetKind, s: SlotState) => (kind === 'flagged' ? s.flagged : s.choice === null);

export const setHref = (id: string, slot: number, kind: SetKind) => `/exam/${id}/${slot}?set=${kind}`;

export function saveSet(id: string, kind: SetKind, slots: readonly number[]): void {
  try {
    sessionStorage.setItem(key(id, kind), JSON.stringify(slots));
  } catch {
    /* the runner recomputes the set from the slots */
  }
}

export function readSet(id: string, kind: SetKind): number[] | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(key(id, kind)) ?? 'null') as unknown;
    return Array.isArray(value) && value.every((n) => Number.isInteger(n)) ? (value as number[]) : null;
  } catch {
    return null;
  }
}

/** The set being walked: as the review fixed it, or (a new tab) as the slots are now, with `current` in it. */
export function walkOf(id: string, kind: SetKind, slots: readonly SlotState[], current: number): number[] {
  const saved = readSet(id, kind);
  if (saved?.includes(current)) return saved;
  const now = slots.filter((s) => inSet(kind, s) || s.slot === current).map((s) => s.slot);
  saveSet(id, kind, now);
  return now;
}
