// Durations are exact to the second: a 90-second attempt reads "1 min 30 s", never "2 minutes".
import { describe, expect, it } from 'vitest';
import { clock, duration, spokenDuration } from '../../client/lib/format.ts';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('duration (short units, shown on the page)', () => {
  it.each([
    [90 * S, '1 min 30 s'],
    [0, '0 min'],
    [1 * S, '1 s'],
    [45 * S, '45 s'],
    [59 * S, '59 s'],
    [1 * MIN, '1 min'],
    [4 * MIN, '4 min'],
    [61 * S, '1 min 1 s'],
    [12 * MIN, '12 min'],
    [18 * MIN, '18 min'],
    [1 * H, '1 h'],
    [2 * H, '2 h'],
    [1 * H + 5 * MIN, '1 h 5 min'],
    [1 * H + 5 * MIN + 9 * S, '1 h 5 min 9 s'],
    [1 * H + 9 * S, '1 h 9 s'],
    [3 * H + 30 * MIN, '3 h 30 min'],
    [6 * H, '6 h'],
  ])('%i ms is "%s"', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });

  it('rounds part seconds up, like the clock, so both agree', () => {
    expect(duration(89_001)).toBe('1 min 30 s');
    expect(clock(89_001)).toBe('1:30');
    expect(duration(400)).toBe('1 s');
    expect(duration(90_000.4)).toBe('1 min 31 s');
  });

  it('reads a negative time as none', () => {
    expect(duration(-5 * S)).toBe('0 min');
  });
});

describe('spokenDuration (words, for screen readers)', () => {
  it.each([
    [90 * S, '1 minute 30 seconds'],
    [0, '0 minutes'],
    [1 * S, '1 second'],
    [45 * S, '45 seconds'],
    [1 * MIN, '1 minute'],
    [4 * MIN, '4 minutes'],
    [61 * S, '1 minute 1 second'],
    [1 * H, '1 hour'],
    [2 * H, '2 hours'],
    [1 * H + 5 * MIN, '1 hour 5 minutes'],
    [2 * H + 1 * MIN + 2 * S, '2 hours 1 minute 2 seconds'],
    [1 * H + 1 * S, '1 hour 1 second'],
  ])('%i ms is "%s"', (ms, text) => {
    expect(spokenDuration(ms)).toBe(text);
  });

  it('never rounds to the minute', () => {
    expect(spokenDuration(89 * S)).toBe('1 minute 29 seconds');
    expect(spokenDuration(119 * S)).toBe('1 minute 59 seconds');
    expect(spokenDuration(-1)).toBe('0 minutes');
  });
});
