/** 1:05:09 or 4:07 — hours only when there are any. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "1 hour 5 minutes", "4 minutes", for screen readers and summaries. */
export function spokenDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (h && m) return `${part(h, 'hour')} ${part(m, 'minute')}`;
  if (h) return part(h, 'hour');
  return part(m, 'minute');
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
