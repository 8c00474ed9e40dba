import { useEffect, useMemo } from 'preact/hooks';
import { acquireAttempt, releaseAttempt, type AttemptModel } from '../../models/attempt.ts';

/** The shared model for this attempt, held while the page is mounted. */
export function useAttempt(id: string): AttemptModel {
  const model = useMemo(() => acquireAttempt(id), [id]);
  useEffect(() => () => releaseAttempt(model), [model]);
  return model;
}

const slotKey = (id: string) => `cetl.slot.${id}`;

export function rememberSlot(id: string, slot: number): void {
  try {
    localStorage.setItem(slotKey(id), String(slot));
  } catch {
    /* the URL still carries the slot */
  }
}

export function rememberedSlot(id: string): number | null {
  try {
    const n = Number(localStorage.getItem(slotKey(id)));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}
