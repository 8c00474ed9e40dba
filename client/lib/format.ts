/** 1:05:09 or 4:07 — hours only when there are any. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Whole seconds in `ms`, rounded up like clock() so a duration and its clock always agree. */
function parts(ms: number): [h: number, m: number, s: number] {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
}

/**
 * An exact duration, to the second, in short units: "1 min 30 s", "2 h", "1 h 5 min 9 s", "45 s";
 * none at all is "0 min". Zero parts are left out; nothing is rounded to the minute.
 */
export function duration(ms: number): string {
  const [h, m, s] = parts(ms);
  const out = [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean);
  return out.length ? out.join(' ') : '0 min';
}

/**
 * The same exact duration in words, for screen readers: "1 minute 30 seconds", "1 hour 5 minutes",
 * "4 minutes", "0 minutes".
 */
export function spokenDuration(ms: number): string {
  const [h, m, s] = parts(ms);
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const out = [h && part(h, 'hour'), m && part(m, 'minute'), s && part(s, 'second')].filter(Boolean);
  return out.length ? out.join(' ') : '0 minutes';
}

export const pct = (n: number) => `${Math.round(n)}%`;

export function dateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function multiplier(m: number): string {
  return `×${Number.isInteger(m) ? m : m.toFixed(2).replace(/0$/, '')}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Mar 5, 2025": a date without the time (due dates, joined). */
export function day(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A study-group role in words. */
export const ROLE_LABEL = { owner: 'Owner', coach: 'Coach', member: 'Member' } as const;
