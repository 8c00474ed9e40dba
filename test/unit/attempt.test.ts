import { describe, expect, it } from 'vitest';
import { acceptsResponses, deadlineFor, GRACE_MS, isOverdue, mayRevealKey, plannedMinutes, remainingMs } from '../../server/domain/attempt.ts';

describe('attempt timing', () => {
  it('times a default exam at 120 minutes, pro rata for other lengths, and leaves tutor mode untimed', () => {
    expect(plannedMinutes({ mode: 'exam' })).toBe(120);
    expect(plannedMinutes({ mode: 'exam', length: 10 })).toBe(12);
    expect(plannedMinutes({ mode: 'exam', length: 100, minutes: 45 })).toBe(45);
    expect(plannedMinutes({ mode: 'tutor' })).toBeNull();
    expect(plannedMinutes({ mode: 'tutor', minutes: 30 })).toBe(30);
  });

  it('stretches the deadline by the accommodation multiplier', () => {
    expect(deadlineFor(1_000, 120, 1)).toBe(1_000 + 120 * 60_000);
    expect(deadlineFor(1_000, 120, 1.5)).toBe(1_000 + 180 * 60_000);
    expect(deadlineFor(1_000, null, 1.5)).toBeNull();
  });

  it('reports remaining time from the server clock, never below zero', () => {
    const open = { status: 'open' as const, deadline: 10_000 };
    expect(remainingMs(open, 4_000)).toBe(6_000);
    expect(remainingMs(open, 12_000)).toBe(0);
    expect(remainingMs({ status: 'submitted', deadline: 10_000 }, 4_000)).toBe(0);
    expect(remainingMs({ status: 'open', deadline: null }, 4_000)).toBeNull();
  });

  it('accepts responses until the grace after the deadline ends, then counts the attempt overdue', () => {
    const open = { status: 'open' as const, deadline: 10_000 };
    expect(acceptsResponses(open, 10_000 + GRACE_MS)).toBe(true);
    expect(isOverdue(open, 10_000 + GRACE_MS)).toBe(false);
    expect(acceptsResponses(open, 10_001 + GRACE_MS)).toBe(false);
    expect(isOverdue(open, 10_001 + GRACE_MS)).toBe(true);
    expect(acceptsResponses({ status: 'submitted', deadline: null }, 0)).toBe(false);
    expect(isOverdue({ status: 'open', deadline: null }, Number.MAX_SAFE_INTEGER)).toBe(false);
    // A handed-in attempt is never overdue, however late it is read.
    expect(isOverdue({ status: 'submitted', deadline: 10_000 }, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('reveals keys in exam mode only after submission, in tutor mode once a slot is answered', () => {
    expect(mayRevealKey('exam', 'open', 'A')).toBe(false);
    expect(mayRevealKey('exam', 'submitted', null)).toBe(true);
    expect(mayRevealKey('tutor', 'open', null)).toBe(false);
    expect(mayRevealKey('tutor', 'open', 'C')).toBe(true);
  });
});
