// Session lifetime rules: an idle limit and an absolute limit, whichever comes first.
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Refresh lastSeenAt at most once a minute so reads do not all become writes. */
export const SESSION_TOUCH_MS = 60 * 1000;

export interface SessionTimes {
  createdAt: number;
  lastSeenAt: number;
}

export function sessionExpired(s: SessionTimes, now: number): boolean {
  return now - s.lastSeenAt > SESSION_IDLE_MS || now - s.createdAt > SESSION_ABSOLUTE_MS;
}

export function sessionNeedsTouch(s: SessionTimes, now: number): boolean {
  return now - s.lastSeenAt > SESSION_TOUCH_MS;
}

// Login throttling: password checks in a sliding window, counted per account and per address.
// A check is counted when it starts (not when the hash finishes), so concurrency cannot outrun it.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_PER_ACCOUNT = 5;
export const LOGIN_MAX_PER_ADDRESS = 20;
/** First wait for the owner's own address once the account limit is reached; doubles per failure. */
export const OWNER_DELAY_MS = 30 * 1000;

export interface LoginCounts {
  /** Failed or in-flight checks for this account in the window. */
  account: number;
  /** … and from this address, for any account. */
  address: number;
  /** When the latest of the account's counted checks started. */
  lastAccountAt: number | null;
  /** The address signed in to this account successfully before (the owner's own network). */
  knownAddress: boolean;
}

export type LoginVerdict = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Strangers meet a hard limit per account and per address. The owner's own address, once the
 * account limit is reached, meets a growing delay instead, so strangers cannot lock the owner out.
 */
export function loginVerdict(c: LoginCounts, now: number): LoginVerdict {
  if (c.address >= LOGIN_MAX_PER_ADDRESS) return { ok: false, retryAfterMs: LOGIN_WINDOW_MS };
  if (c.account < LOGIN_MAX_PER_ACCOUNT) return { ok: true };
  if (!c.knownAddress) return { ok: false, retryAfterMs: LOGIN_WINDOW_MS };
  const delay = Math.min(LOGIN_WINDOW_MS, OWNER_DELAY_MS * 2 ** (c.account - LOGIN_MAX_PER_ACCOUNT));
  const waited = now - (c.lastAccountAt ?? 0);
  return waited >= delay ? { ok: true } : { ok: false, retryAfterMs: delay - waited };
}

