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

export async function signOut(): Promise<void> {
  await api.logout();
  currentUser.value = null;
}

export async function updateProfile(changes: { name?: string; timeMultiplier?: number }): Promise<User> {
  const { user } = await api.updateMe(changes);
  currentUser.value = user;
  return user;
}
