// Time and session rules at their edges, with the documented numbers written out (never the
// constants): 120 minutes per 100 items, a 30-second grace, 2 hours idle, 7 days absolute, a touch
// once a minute, 5 checks per account and 20 per address in 15 minutes, owner delays from 30 s.
import { describe, expect, it } from 'vitest';
import { acceptsResponses, deadlineFor, handInCause, isOverdue, mayRevealKey, plannedMinutes, remainingMs } from '../../server/domain/attempt.ts';
import { loginVerdict, sessionExpired, sessionNeedsTouch } from '../../server/domain/session.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = 1_750_000_000_000;

describe('planned minutes: 120 per 100 items, rounded, at least 1', () => {
  it('is pro rata for any exam length, rounded to the nearest minute', () => {
    expect(plannedMinutes({ mode: 'exam', length: 25 })).toBe(30);
    expect(plannedMinutes({ mode: 'exam', length: 99 })).toBe(119); // 118.8
    expect(plannedMinutes({ mode: 'exam', length: 2 })).toBe(2); // 2.4
    expect(plannedMinutes({ mode: 'exam', length: 3 })).toBe(4); // 3.6
    expect(plannedMinutes({ mode: 'exam', length: 150 })).toBe(180);
    expect(plannedMinutes({ mode: 'exam', length: 200 })).toBe(240);
  });

  it('never plans less than one minute for a timed exam', () => {
    expect(plannedMinutes({ mode: 'exam', length: 0 })).toBe(1);
  });

  it('takes minutes asked for as they are, in either mode', () => {
    expect(plannedMinutes({ mode: 'exam', minutes: 0 })).toBe(0);
    expect(plannedMinutes({ mode: 'exam', length: 10, minutes: 90 })).toBe(90);
    expect(plannedMinutes({ mode: 'tutor', length: 100, minutes: 7 })).toBe(7);
    expect(plannedMinutes({ mode: 'tutor', length: 100 })).toBeNull();
  });
});

describe('deadline', () => {
  it('is the start plus the minutes times the multiplier, in whole milliseconds', () => {
    expect(deadlineFor(T0, 120, 1)).toBe(T0 + 2 * HOUR);
    expect(deadlineFor(T0, 120, 2)).toBe(T0 + 4 * HOUR);
    expect(deadlineFor(T0, 120, 3)).toBe(T0 + 6 * HOUR);
    expect(deadlineFor(T0, 1, 1.00001)).toBe(T0 + 60_001); // 60 000.6 ms rounds up
    expect(deadlineFor(T0, 1, 1.000001)).toBe(T0 + 60_000); // 60 000.06 ms rounds down
    expect(deadlineFor(T0, 0, 2)).toBe(T0);
    expect(deadlineFor(0, 30, 1)).toBe(30 * MINUTE);
  });

  it('is none for an untimed attempt whatever the multiplier', () => {
    expect(deadlineFor(T0, null, 1)).toBeNull();
    expect(deadlineFor(T0, null, 3)).toBeNull();
  });
});

describe('remaining time', () => {
  const open = { status: 'open' as const, deadline: T0 };

  it('counts down to zero at the deadline and stays there', () => {
    expect(remainingMs(open, T0 - 2 * HOUR)).toBe(2 * HOUR);
    expect(remainingMs(open, T0 - 1)).toBe(1);
    expect(remainingMs(open, T0)).toBe(0);
    expect(remainingMs(open, T0 + 1)).toBe(0);
    expect(remainingMs(open, T0 + 30 * SECOND)).toBe(0);
  });

  it('is zero once handed in, and none for an untimed attempt, open or not', () => {
    expect(remainingMs({ status: 'submitted', deadline: T0 }, T0 - HOUR)).toBe(0);
    expect(remainingMs({ status: 'submitted', deadline: null }, T0)).toBeNull();
    expect(remainingMs({ status: 'open', deadline: null }, T0)).toBeNull();
  });
});

describe('the 30-second grace', () => {
  const open = { status: 'open' as const, deadline: T0 };

  it('accepts answers up to and including 30 s after the deadline, not a millisecond more', () => {
    for (const at of [T0 - HOUR, T0 - 1, T0, T0 + 1, T0 + 29_999, T0 + 30_000]) {
      expect(acceptsResponses(open, at)).toBe(true);
      expect(isOverdue(open, at)).toBe(false);
    }
    for (const at of [T0 + 30_001, T0 + 31_000, T0 + DAY]) {
      expect(acceptsResponses(open, at)).toBe(false);
      expect(isOverdue(open, at)).toBe(true);
    }
  });

  it('holds for a deadline at the epoch too (zero is a deadline, not “none”)', () => {
    const epoch = { status: 'open' as const, deadline: 0 };
    expect(isOverdue(epoch, 30_000)).toBe(false);
    expect(isOverdue(epoch, 30_001)).toBe(true);
    expect(acceptsResponses(epoch, 30_001)).toBe(false);
  });

  it('never closes an untimed attempt, and never reopens a handed-in one', () => {
    expect(acceptsResponses({ status: 'open', deadline: null }, T0 + 365 * DAY)).toBe(true);
    expect(isOverdue({ status: 'open', deadline: null }, T0 + 365 * DAY)).toBe(false);
    expect(acceptsResponses({ status: 'submitted', deadline: T0 }, T0 - HOUR)).toBe(false);
    expect(isOverdue({ status: 'submitted', deadline: T0 }, T0 + 31_000)).toBe(false);
    expect(acceptsResponses({ status: 'submitted', deadline: null }, T0)).toBe(false);
  });
});

describe('hand-in cause', () => {
  it('is the candidate before the clock reads zero, time from zero on (also inside the grace)', () => {
    const open = { status: 'open' as const, deadline: T0 };
    expect(handInCause(open, T0 - HOUR)).toBe('candidate');
    expect(handInCause(open, T0 - 1)).toBe('candidate');
    expect(handInCause(open, T0)).toBe('time');
    expect(handInCause(open, T0 + 1)).toBe('time');
    expect(handInCause(open, T0 + 30_000)).toBe('time');
    expect(handInCause(open, T0 + 30_001)).toBe('time');
    expect(handInCause({ status: 'open', deadline: 0 }, 0)).toBe('time');
  });

  it('is always the candidate for an untimed attempt', () => {
    expect(handInCause({ status: 'open', deadline: null }, T0 + 365 * DAY)).toBe('candidate');
  });
});

describe('keys', () => {
  it('exam mode: only once submitted, whether or not the slot was answered', () => {
    expect(mayRevealKey('exam', 'open', null)).toBe(false);
    expect(mayRevealKey('exam', 'open', 'D')).toBe(false);
    expect(mayRevealKey('exam', 'submitted', 'B')).toBe(true);
    expect(mayRevealKey('exam', 'submitted', null)).toBe(true);
  });

  it('tutor mode: an answered slot, or anything once submitted', () => {
    expect(mayRevealKey('tutor', 'open', 'A')).toBe(true);
    expect(mayRevealKey('tutor', 'open', null)).toBe(false);
    expect(mayRevealKey('tutor', 'submitted', null)).toBe(true);
  });
});

describe('sessions: 2 hours idle, 7 days absolute, touched once a minute', () => {
  it('expires after more than 2 hours idle, measured from the last use, not from the start', () => {
    const s = { createdAt: T0, lastSeenAt: T0 + 3 * DAY };
    expect(sessionExpired(s, T0 + 3 * DAY + 2 * HOUR)).toBe(false);
    expect(sessionExpired(s, T0 + 3 * DAY + 2 * HOUR + 1)).toBe(true);
    expect(sessionExpired(s, T0 + 3 * DAY + 1)).toBe(false);
  });

  it('expires more than 7 days after it began, however recently used', () => {
    expect(sessionExpired({ createdAt: T0, lastSeenAt: T0 + 7 * DAY - 1 }, T0 + 7 * DAY)).toBe(false);
    expect(sessionExpired({ createdAt: T0, lastSeenAt: T0 + 7 * DAY - 1 }, T0 + 7 * DAY + 1)).toBe(true);
    // A session begun 7 days and a bit ago expires even if it was used a second ago.
    expect(sessionExpired({ createdAt: T0, lastSeenAt: T0 + 8 * DAY - SECOND }, T0 + 8 * DAY)).toBe(true);
    // Young and recently used: alive.
    expect(sessionExpired({ createdAt: T0, lastSeenAt: T0 }, T0)).toBe(false);
    expect(sessionExpired({ createdAt: T0, lastSeenAt: T0 + HOUR }, T0 + 2 * HOUR)).toBe(false);
  });

  it('is touched when more than a minute has passed since the last touch', () => {
    expect(sessionNeedsTouch({ createdAt: T0, lastSeenAt: T0 + HOUR }, T0 + HOUR + MINUTE)).toBe(false);
    expect(sessionNeedsTouch({ createdAt: T0, lastSeenAt: T0 + HOUR }, T0 + HOUR + MINUTE + 1)).toBe(true);
    expect(sessionNeedsTouch({ createdAt: T0, lastSeenAt: T0 + HOUR }, T0 + HOUR)).toBe(false);
    // Measured from the last touch, not from when the session began.
    expect(sessionNeedsTouch({ createdAt: T0, lastSeenAt: T0 + HOUR }, T0 + HOUR + 30 * SECOND)).toBe(false);
  });
});

describe('sign-in throttle: 5 per account, 20 per address, 15 minutes; owner delay 30 s doubling', () => {
  const c = (account: number, address: number, knownAddress: boolean, lastAccountAt: number | null) => ({ account, address, knownAddress, lastAccountAt });
  const refused = (ms: number) => ({ ok: false, retryAfterMs: ms });

  it('refuses an address at 20 checks for 15 minutes, even on an untouched account or a known address', () => {
    expect(loginVerdict(c(0, 19, false, null), T0)).toEqual({ ok: true });
    expect(loginVerdict(c(0, 20, false, null), T0)).toEqual(refused(15 * MINUTE));
    expect(loginVerdict(c(0, 21, true, null), T0)).toEqual(refused(15 * MINUTE));
    expect(loginVerdict(c(7, 20, true, T0 - DAY), T0)).toEqual(refused(15 * MINUTE));
  });

  it('lets a stranger make 5 checks on an account, then refuses for 15 minutes', () => {
    expect(loginVerdict(c(0, 0, false, null), T0)).toEqual({ ok: true });
    expect(loginVerdict(c(4, 4, false, T0), T0)).toEqual({ ok: true });
    expect(loginVerdict(c(5, 5, false, T0 - DAY), T0)).toEqual(refused(15 * MINUTE));
    expect(loginVerdict(c(9, 9, false, T0 - DAY), T0)).toEqual(refused(15 * MINUTE));
  });

  it('under 5, the owner’s address is not delayed either', () => {
    expect(loginVerdict(c(4, 4, true, T0), T0)).toEqual({ ok: true });
  });

  it('delays the owner’s address 30 s, 60 s, 2, 4, 8 minutes, then at most 15 minutes', () => {
    const delays = [5, 6, 7, 8, 9, 10, 11, 20].map((n) => loginVerdict(c(n, n, true, T0), T0));
    expect(delays).toEqual([
      refused(30 * SECOND), refused(60 * SECOND), refused(2 * MINUTE), refused(4 * MINUTE), refused(8 * MINUTE),
      refused(15 * MINUTE), refused(15 * MINUTE), refused(15 * MINUTE),
    ]);
  });

  it('counts the delay from the latest check and reports what is left of it', () => {
    expect(loginVerdict(c(6, 6, true, T0), T0 + 20 * SECOND)).toEqual(refused(40 * SECOND));
    expect(loginVerdict(c(6, 6, true, T0), T0 + 60 * SECOND - 1)).toEqual(refused(1));
    expect(loginVerdict(c(6, 6, true, T0), T0 + 60 * SECOND)).toEqual({ ok: true });
    expect(loginVerdict(c(6, 6, true, T0), T0 + HOUR)).toEqual({ ok: true });
    expect(loginVerdict(c(10, 10, true, T0), T0 + 15 * MINUTE - 1)).toEqual(refused(1));
    expect(loginVerdict(c(10, 10, true, T0), T0 + 15 * MINUTE)).toEqual({ ok: true });
  });

  it('with no recorded check time, counts from the epoch', () => {
    expect(loginVerdict(c(5, 5, true, null), 10 * SECOND)).toEqual(refused(20 * SECOND));
    expect(loginVerdict(c(5, 5, true, null), T0)).toEqual({ ok: true });
  });
});
