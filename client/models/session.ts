// Who is signed in. `undefined` while the first /api/me is in flight, `null` when nobody is.
import { signal } from '@preact/signals';
import { api, ApiError, type User } from '../lib/api.ts';

export const currentUser = signal<User | null | undefined>(undefined);

export async function loadSession(): Promise<void> {
  try {
    currentUser.value = (await api.me()).user;
  } catch (err) {
    // A 401 means signed out; offline at start-up also shows the sign-in page rather than hanging.
    currentUser.value = null;
    if (!(err instanceof ApiError)) throw err;
  }
}

export async function signIn(email: string, password: string): Promise<User> {
  const { user } = await api.login({ email, password });
  currentUser.value = user;
  return user;
}

export async function signUp(name: string, email: string, password: string): Promise<User> {
  const { user } = await api.register({ name, email, password });
  currentUser.value = user;
  return user;
}

/**
 * Why the last sign-out did not happen, or null. Signing out needs the server: the session cookie is
 * HttpOnly, so the page cannot remove it, and a "local" sign-out would come back on the next
 * reload — on a shared computer the next person would be signed in. So nothing is faked: the
 * person is told they are still signed in and signs out again once the connection is back. (Not
 * retried by itself on reconnection: answers saved offline still need the session to reach the server.)
 */
export const signOutProblem = signal<{ message: string; at: number } | null>(null);

export const OFFLINE_SIGN_OUT = 'You are offline, so you are not signed out yet. When your connection is back, choose Sign out again — on a shared computer, do not leave before it works.';

/** True when signed out; false (and signOutProblem says why) when the server could not be told. */
export async function signOut(): Promise<boolean> {
  try {
    await api.logout();
  } catch (err) {
    // `at` makes each refusal a new alert, announced again even with the same words.
    const message = err instanceof ApiError && err.status !== 0 ? `You are not signed out yet: ${err.message}` : OFFLINE_SIGN_OUT;
    signOutProblem.value = { message, at: Date.now() };
    return false;
  }
  signOutProblem.value = null;
  currentUser.value = null;
  return true;
}

/** After a password reset or deleting the account the server has already ended the session. */
export function signedOutByServer(): void {
  signOutProblem.value = null;
  currentUser.value = null;
}

export async function updateProfile(changes: { name?: string; timeMultiplier?: number }): Promise<User> {
  const { user } = await api.updateMe(changes);
  currentUser.value = user;
  return user;
}
