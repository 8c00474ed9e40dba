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

// Login throttling: failures in a sliding window, counted per account and per address.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_PER_ACCOUNT = 5;
export const LOGIN_MAX_PER_ADDRESS = 20;

export function loginBlocked(failuresForAccount: number, failuresForAddress: number): boolean {
  return failuresForAccount >= LOGIN_MAX_PER_ACCOUNT || failuresForAddress >= LOGIN_MAX_PER_ADDRESS;
}
