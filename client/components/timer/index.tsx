// The countdown: display only, from the server's remainingMs. Screen readers hear it only when
// 15, 5 and 1 minutes remain (one polite live region that changes at those moments only).
import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { clock, multiplier as formatMultiplier, spokenDuration } from '../../lib/format.ts';
import css from './timer.module.css';

const THRESHOLDS = [15, 5, 1] as const;

/** 0 above 15 minutes, 1 at or below 15, 2 at or below 5, 3 at or below 1. */
export function band(ms: number): number {
  return THRESHOLDS.filter((m) => ms <= m * 60_000).length;
}

/**
 * Takes the signal itself so that only the timer re-renders as the seconds pass. `hidden`: the
 * candidate chose not to see the countdown; the 15/5/1-minute announcements still come.
 */
export function Timer({ remaining, multiplier, hidden = false }: { remaining: ReadonlySignal<number | null>; multiplier: number; hidden?: boolean }) {
  const remainingMs = remaining.value;
  const [warning, setWarning] = useState('');
  const seen = useRef<number | null>(null);
  const level = remainingMs === null ? 0 : band(remainingMs);

  useEffect(() => {
    if (remainingMs === null) return;
    // The first reading sets the level silently; only crossing a threshold is announced.
    if (seen.current !== null && level > seen.current && remainingMs > 0) {
      const minutes = THRESHOLDS[level - 1];
      setWarning(`${minutes} minute${minutes === 1 ? '' : 's'} left.`);
    }
    seen.current = level;
  }, [level, remainingMs === null]);

  if (remainingMs === null) {
    return (
      <div class={css.timer}>
        <span class={css.label}>Untimed</span>
      </div>
    );
  }
  // Colour changes at 5 and 1 minutes (a short drill starts under 15 and should not look alarming).
  const tone = level >= 3 ? css.critical : level >= 2 ? css.warn : '';
  return (
    <div class={`${css.timer} ${tone}`}>
      {hidden ? (
        <span class={css.label} data-testid="timer-hidden">
          Timer hidden
        </span>
      ) : (
        <>
          <span class={`${css.label} ${css.leftLabel}`} id="timer-label">
            Time left
          </span>
          <span role="timer" class={css.clock} aria-labelledby="timer-label" title={spokenDuration(remainingMs)}>
            {clock(remainingMs)}
          </span>
        </>
      )}
      {multiplier !== 1 && !hidden && (
        <span class={css.multiplier}>
          includes {formatMultiplier(multiplier)} time accommodation
        </span>
      )}
      <p class={warning ? css.warning : 'visually-hidden'} aria-live="polite" aria-atomic="true" data-testid="time-warning">
        {warning}
      </p>
    </div>
  );
}
