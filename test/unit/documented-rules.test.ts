// The documented rules, pinned as the numbers README states — never via the constants that
// implement them, so changing a constant fails here until README and this file change too.
import { describe, expect, it } from 'vitest';
import { sessionExpired, sessionNeedsTouch, loginVerdict } from '../../server/domain/session.ts';
import { acceptsResponses, deadlineFor, handInCause, isOverdue, plannedMinutes } from '../../server/domain/attempt.ts';
import { apportion } from '../../server/domain/blueprint.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('sessions: 2 hours idle, 7 days absolute', () => {
  it('ends a session idle for more than 2 hours, not at 2 hours', () => {
    expect(sessionExpired({ createdAt: 0, lastSeenAt: 0 }, 2 * HOUR)).toBe(false);
    expect(sessionExpired({ createdAt: 0, lastSeenAt: 0 }, 2 * HOUR + 1)).toBe(true);
  });

  it('ends an active session after 7 days however recently it was used', () => {
    expect(sessionExpired({ createdAt: 0, lastSeenAt: 7 * DAY - MINUTE }, 7 * DAY)).toBe(false);
    expect(sessionExpired({ createdAt: 0, lastSeenAt: 7 * DAY }, 7 * DAY + 1)).toBe(true);
    // Measured from when the session began, whatever the clock read then.
    const start = 1_700_000_000_000;
    expect(sessionExpired({ createdAt: start, lastSeenAt: start + 7 * DAY - MINUTE }, start + 7 * DAY)).toBe(false);
    expect(sessionExpired({ createdAt: start, lastSeenAt: start + 7 * DAY }, start + 7 * DAY + 1)).toBe(true);
  });

  it('refreshes the last-seen time once a minute of use has passed', () => {
    expect(sessionNeedsTouch({ createdAt: 0, lastSeenAt: 0 }, MINUTE)).toBe(false);
    expect(sessionNeedsTouch({ createdAt: 0, lastSeenAt: 0 }, MINUTE + 1)).toBe(true);
    expect(sessionNeedsTouch({ createdAt: 0, lastSeenAt: 5 * MINUTE }, 6 * MINUTE)).toBe(false);
    expect(sessionNeedsTouch({ createdAt: 0, lastSeenAt: 5 * MINUTE }, 6 * MINUTE + 1)).toBe(true);
  });
});

describe('sign-in throttle: 5 per account, 20 per address, 15 minutes', () => {
  const counts = (account: number, address: number, knownAddress = false, lastAccountAt: number | null = 0) => ({ account, address, knownAddress, lastAccountAt });
  it('allows the 5th check on an account and refuses the 6th for 15 minutes', () => {
    expect(loginVerdict(counts(4, 4), 0)).toEqual({ ok: true });
    expect(loginVerdict(counts(5, 5), 0)).toEqual({ ok: false, retryAfterMs: 15 * MINUTE });
  });

  it('allows the 20th check from an address and refuses the 21st', () => {
    expect(loginVerdict(counts(0, 19), 0)).toEqual({ ok: true });
    expect(loginVerdict(counts(0, 20), 0)).toEqual({ ok: false, retryAfterMs: 15 * MINUTE });
  });

  it('gives the owner’s known address a delay of 30 s, doubling per further failure, capped at 15 minutes', () => {
    expect(loginVerdict(counts(5, 5, true, 1000), 1000 + 29_999)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(loginVerdict(counts(5, 5, true, 1000), 1000 + 30_000)).toEqual({ ok: true });
    expect(loginVerdict(counts(6, 6, true, 0), 0)).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect(loginVerdict(counts(12, 12, true, 0), 0)).toEqual({ ok: false, retryAfterMs: 15 * MINUTE });
    // The address limit still holds for the owner's own network.
    expect(loginVerdict(counts(5, 20, true, 0), HOUR)).toEqual({ ok: false, retryAfterMs: 15 * MINUTE });
  });
});

describe('time: 120 minutes per 100 items, a 30-second grace', () => {
  it('gives a 100-item exam 120 minutes and other lengths pro rata; tutor mode is untimed', () => {
    expect(plannedMinutes({ mode: 'exam' })).toBe(120);
    expect(plannedMinutes({ mode: 'exam', length: 100 })).toBe(120);
    expect(plannedMinutes({ mode: 'exam', length: 50 })).toBe(60);
    expect(plannedMinutes({ mode: 'exam', length: 1 })).toBe(1);
    expect(plannedMinutes({ mode: 'tutor', length: 20 })).toBeNull();
    expect(plannedMinutes({ mode: 'tutor', minutes: 10 })).toBe(10);
  });

  it('stretches the deadline by the accommodation multiplier', () => {
    expect(deadlineFor(1000, 120, 1.5)).toBe(1000 + 180 * MINUTE);
    expect(deadlineFor(1000, null, 2)).toBeNull();
  });

  it('accepts answers until 30 seconds after the deadline, then closes', () => {
    const open = { status: 'open' as const, deadline: 100_000 };
    expect(acceptsResponses(open, 130_000)).toBe(true);
    expect(isOverdue(open, 130_000)).toBe(false);
    expect(acceptsResponses(open, 130_001)).toBe(false);
    expect(isOverdue(open, 130_001)).toBe(true);
  });

  it('counts a hand-in at or after zero as time, before zero as the candidate', () => {
    expect(handInCause({ status: 'open', deadline: 100_000 }, 99_999)).toBe('candidate');
    expect(handInCause({ status: 'open', deadline: 100_000 }, 100_000)).toBe('time');
    expect(handInCause({ status: 'open', deadline: null }, 100_000)).toBe('candidate');
  });
});

describe('blueprint: 15, 15, 6, 18, 15, 7, 2, 10, 5, 7', () => {
  const weights = [15, 15, 6, 18, 15, 7, 2, 10, 5, 7].map((weight, i) => ({ area: i + 1, weight }));
  it('seats a 100-item exam exactly by the weights', () => {
    expect(apportion(100, weights).map((a) => a.count)).toEqual([15, 15, 6, 18, 15, 7, 2, 10, 5, 7]);
  });

  it('breaks ties for the last seat toward the larger weight, then the lower area number', () => {
    // 10 items: quotas 1.5, 1.5, 0.6, 1.8, 1.5, 0.7, 0.2, 1.0, 0.5, 0.7 → floors give 5 seats, 5 left.
    // Remainders in order: .8 (area 4); .7 twice at weight 7 (areas 6 then 10); .6 (area 3); then
    // .5 four times — areas 1, 2, 5 (weight 15) before 9 (weight 5), and area 1 first by number.
    expect(apportion(10, weights).map((a) => a.count)).toEqual([2, 1, 1, 2, 1, 1, 0, 1, 0, 1]);
    // Adjacent areas with equal weight and equal remainder: the lower number wins.
    expect(apportion(1, [{ area: 3, weight: 5 }, { area: 4, weight: 5 }]).map((a) => a.count)).toEqual([1, 0]);
    expect(apportion(1, [{ area: 4, weight: 5 }, { area: 3, weight: 5 }]).find((a) => a.area === 3)!.count).toBe(1);
  });
});
