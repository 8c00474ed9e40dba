// How the client writes times, percentages, multipliers and counts. Dates are checked in the
// en-US form the README shows ("Mar 5, 2025"), built from local time so the zone does not matter.
import { describe, expect, it } from 'vitest';
import { clock, dateTime, day, duration, multiplier, pct, plural, ROLE_LABEL, spokenDuration } from '../../client/lib/format.ts';

describe('clock', () => {
  it('shows minutes and two-digit seconds under an hour', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(5_000)).toBe('0:05');
    expect(clock(65_000)).toBe('1:05');
    expect(clock(247_000)).toBe('4:07');
    expect(clock(600_000)).toBe('10:00');
    expect(clock(3_599_000)).toBe('59:59');
  });

  it('adds hours, with two-digit minutes, from an hour up', () => {
    expect(clock(3_600_000)).toBe('1:00:00');
    expect(clock(3_909_000)).toBe('1:05:09');
    expect(clock(7_200_000 + 11 * 60_000 + 30_000)).toBe('2:11:30');
  });

  it('rounds a part-second up, so 0:00 means the time is really over', () => {
    expect(clock(1)).toBe('0:01');
    expect(clock(999)).toBe('0:01');
    expect(clock(1_000)).toBe('0:01');
    expect(clock(1_001)).toBe('0:02');
    expect(clock(59_001)).toBe('1:00');
  });

  it('never shows a negative time', () => {
    expect(clock(-1)).toBe('0:00');
    expect(clock(-90_000)).toBe('0:00');
  });
});

describe('spokenDuration', () => {
  it('names minutes, with the singular for one', () => {
    expect(spokenDuration(0)).toBe('0 minutes');
    expect(spokenDuration(60_000)).toBe('1 minute');
    expect(spokenDuration(4 * 60_000)).toBe('4 minutes');
    expect(spokenDuration(59 * 60_000)).toBe('59 minutes');
  });

  it('names hours, and minutes only when there are any', () => {
    expect(spokenDuration(60 * 60_000)).toBe('1 hour');
    expect(spokenDuration(120 * 60_000)).toBe('2 hours');
    expect(spokenDuration(65 * 60_000)).toBe('1 hour 5 minutes');
    expect(spokenDuration(61 * 60_000)).toBe('1 hour 1 minute');
    expect(spokenDuration(121 * 60_000)).toBe('2 hours 1 minute');
    expect(spokenDuration(150 * 60_000)).toBe('2 hours 30 minutes');
  });

  it('never names a negative time', () => {
    expect(spokenDuration(-5 * 60_000)).toBe('0 minutes');
  });

  it('is exact to the second, rounded up like the clock', () => {
    expect(spokenDuration(90_000)).toBe('1 minute 30 seconds');
    expect(spokenDuration(1_000)).toBe('1 second');
    expect(spokenDuration(45_000)).toBe('45 seconds');
    expect(spokenDuration(3_909_000)).toBe('1 hour 5 minutes 9 seconds');
    expect(spokenDuration(3_601_000)).toBe('1 hour 1 second');
    expect(spokenDuration(59_001)).toBe('1 minute');
    expect(spokenDuration(1)).toBe('1 second');
  });
});

describe('duration', () => {
  it('is exact to the second in short units, leaving out zero parts', () => {
    expect(duration(90_000)).toBe('1 min 30 s');
    expect(duration(7_200_000)).toBe('2 h');
    expect(duration(3_909_000)).toBe('1 h 5 min 9 s');
    expect(duration(45_000)).toBe('45 s');
    expect(duration(3_605_000)).toBe('1 h 5 s');
    expect(duration(4 * 60_000)).toBe('4 min');
  });

  it('none at all is "0 min"; part-seconds round up, negatives are none', () => {
    expect(duration(0)).toBe('0 min');
    expect(duration(-10_000)).toBe('0 min');
    expect(duration(1)).toBe('1 s');
    expect(duration(59_001)).toBe('1 min');
  });
});

describe('pct', () => {
  it('rounds to a whole percent', () => {
    expect(pct(0)).toBe('0%');
    expect(pct(45.4)).toBe('45%');
    expect(pct(45.5)).toBe('46%');
    expect(pct(100)).toBe('100%');
  });
});

describe('multiplier', () => {
  it('shows whole multipliers bare and others to at most two decimals', () => {
    expect(multiplier(1)).toBe('×1');
    expect(multiplier(3)).toBe('×3');
    expect(multiplier(1.5)).toBe('×1.5');
    expect(multiplier(1.25)).toBe('×1.25');
    expect(multiplier(1.05)).toBe('×1.05');
    expect(multiplier(1.333)).toBe('×1.33');
    expect(multiplier(2.1)).toBe('×2.1');
  });
});

describe('plural', () => {
  it('uses the singular for exactly one, else the plural (an -s unless given)', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(2, 'item')).toBe('2 items');
    expect(plural(1, 'child', 'children')).toBe('1 child');
    expect(plural(3, 'child', 'children')).toBe('3 children');
  });
});

describe('dates', () => {
  const march5 = new Date(2025, 2, 5, 14, 7, 33).getTime();

  it('day: month, day and year, no time', () => {
    expect(day(march5)).toBe('Mar 5, 2025');
  });

  it('dateTime: the day and the time to the minute', () => {
    expect(dateTime(march5)).toBe('Mar 5, 2025, 02:07 PM');
  });
});

describe('ROLE_LABEL', () => {
  it('names each study-group role', () => {
    expect(ROLE_LABEL).toEqual({ owner: 'Owner', coach: 'Coach', member: 'Member' });
  });
});
