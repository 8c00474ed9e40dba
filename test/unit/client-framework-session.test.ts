// The client's framework lookups and who-is-signed-in state, with fetch replaced by canned answers
// (the network is the boundary). Each test loads fresh modules, as a page load would.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Framework, User } from '../../client/lib/api.ts';

type Answer = { status: number; body?: unknown } | 'offline' | 'malformed';
let answers: Answer[];
let sent: { url: string; method: string; body: unknown }[];
const realFetch = globalThis.fetch;

beforeEach(() => {
  answers = [];
  sent = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, method: String(init.method), body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    const a = answers.shift() ?? { status: 500, body: { error: 'unexpected', message: 'no answer queued' } };
    if (a === 'offline') throw new TypeError('Failed to fetch');
    // A response whose body cannot be read at all: not an ApiError, a fault in the page.
    if (a === 'malformed') return { status: 200, ok: true } as Response;
    if (a.status === 204) return new Response(null, { status: 204 });
    return Response.json(a.body, { status: a.status });
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

const fresh = async () => {
  vi.resetModules();
  const [framework, session, api] = await Promise.all([
    import('../../client/models/framework.ts'),
    import('../../client/models/session.ts'),
    import('../../client/lib/api.ts'),
  ]);
  return { ...framework, ...session, ApiError: api.ApiError };
};

const F: Framework = {
  categories: [
    { id: 'A', name: 'Leadership and Vision', weight: 30 },
    { id: 'B', name: 'Understanding the Educational Environment', weight: 30 },
  ],
  areas: [
    { number: 1, name: 'Leadership', weight: 15, category: 'A', codes: [{ code: '1A', summary: 'Sets a vision' }, { code: '1B', summary: 'Builds consensus' }] },
    { number: 4, name: 'Instruction', weight: 18, category: 'B', codes: [{ code: '4C', summary: 'Supports teaching' }] },
  ],
};
const ada: User = { id: 1, email: 'ada@x.example', name: 'Ada', role: 'candidate', timeMultiplier: 1, passwordChangeRequired: false, examDate: null };

describe('framework lookups', () => {
  it('areaName: the area’s name, or "Area n" when unknown or not loaded', async () => {
    const { areaName } = await fresh();
    expect(areaName(F, 4)).toBe('Instruction');
    expect(areaName(F, 1)).toBe('Leadership');
    expect(areaName(F, 7)).toBe('Area 7');
    expect(areaName(null, 1)).toBe('Area 1');
  });

  it('areaOf: the whole area, or nothing', async () => {
    const { areaOf } = await fresh();
    expect(areaOf(F, 4)).toBe(F.areas[1]);
    expect(areaOf(F, 2)).toBeUndefined();
    expect(areaOf(null, 4)).toBeUndefined();
  });

  it('codeSummary: found in any area, else empty', async () => {
    const { codeSummary } = await fresh();
    expect(codeSummary(F, '1B')).toBe('Builds consensus');
    expect(codeSummary(F, '4C')).toBe('Supports teaching');
    expect(codeSummary(F, '9Z')).toBe('');
    expect(codeSummary(null, '1A')).toBe('');
  });

  it('categoryName: the name, or "Category id"', async () => {
    const { categoryName } = await fresh();
    expect(categoryName(F, 'B')).toBe('Understanding the Educational Environment');
    expect(categoryName(F, 'C')).toBe('Category C');
    expect(categoryName(null, 'A')).toBe('Category A');
  });
});

describe('loading the framework', () => {
  it('fetches it once, shares it, and publishes it', async () => {
    const { loadFramework, framework } = await fresh();
    answers.push({ status: 200, body: F });
    expect(framework.value).toBeNull();
    const [a, b] = await Promise.all([loadFramework(), loadFramework()]);
    expect(a).toEqual(F);
    expect(b).toBe(a);
    expect(framework.value).toEqual(F);
    expect(await loadFramework()).toBe(a);
    expect(sent).toEqual([{ url: '/api/framework', method: 'GET', body: undefined }]);
  });

  it('tries again on the next call after a failure', async () => {
    const { loadFramework, framework, ApiError } = await fresh();
    answers.push('offline', { status: 200, body: F });
    await expect(loadFramework()).rejects.toBeInstanceOf(ApiError);
    expect(framework.value).toBeNull();
    expect(await loadFramework()).toEqual(F);
    expect(sent).toHaveLength(2);
  });
});

describe('the session', () => {
  it('is undefined until the first check, then the signed-in user', async () => {
    const { currentUser, loadSession } = await fresh();
    expect(currentUser.value).toBeUndefined();
    answers.push({ status: 200, body: { user: ada } });
    await loadSession();
    expect(currentUser.value).toEqual(ada);
    expect(sent).toEqual([{ url: '/api/me', method: 'GET', body: undefined }]);
  });

  it('is nobody after a 401, without an error', async () => {
    const { currentUser, loadSession } = await fresh();
    answers.push({ status: 401, body: { error: 'unauthenticated', message: 'Sign in.' } });
    await expect(loadSession()).resolves.toBeUndefined();
    expect(currentUser.value).toBeNull();
  });

  it('is nobody when the server cannot be reached (the sign-in page, not a spinner)', async () => {
    const { currentUser, loadSession } = await fresh();
    answers.push('offline');
    await expect(loadSession()).resolves.toBeUndefined();
    expect(currentUser.value).toBeNull();
  });

  it('is nobody on a fault in the page, and the fault is not swallowed', async () => {
    const { currentUser, loadSession } = await fresh();
    answers.push('malformed');
    await expect(loadSession()).rejects.toBeInstanceOf(TypeError);
    expect(currentUser.value).toBeNull();
  });

  it('signIn: posts the credentials and becomes the user', async () => {
    const { currentUser, signIn } = await fresh();
    answers.push({ status: 200, body: { user: ada } });
    expect(await signIn('ada@x.example', 'correct horse')).toEqual(ada);
    expect(currentUser.value).toEqual(ada);
    expect(sent).toEqual([{ url: '/api/auth/login', method: 'POST', body: { email: 'ada@x.example', password: 'correct horse' } }]);
  });

  it('signIn: a refusal leaves nobody signed in and reaches the form', async () => {
    const { currentUser, signIn, ApiError } = await fresh();
    currentUser.value = null;
    answers.push({ status: 401, body: { error: 'bad_credentials', message: 'Wrong email or password.' } });
    const err = await signIn('ada@x.example', 'wrong').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as Error).message).toBe('Wrong email or password.');
    expect(currentUser.value).toBeNull();
  });

  it('signUp: posts name, email and password and becomes the user', async () => {
    const { currentUser, signUp } = await fresh();
    answers.push({ status: 200, body: { user: ada } });
    expect(await signUp('Ada', 'ada@x.example', 'correct horse')).toEqual(ada);
    expect(currentUser.value).toEqual(ada);
    expect(sent).toEqual([{ url: '/api/auth/register', method: 'POST', body: { name: 'Ada', email: 'ada@x.example', password: 'correct horse' } }]);
  });

  it('signOut: nobody once the server has ended the session', async () => {
    const { currentUser, signOut, signOutProblem } = await fresh();
    currentUser.value = ada;
    answers.push({ status: 204 });
    expect(await signOut()).toBe(true);
    expect(currentUser.value).toBeNull();
    expect(signOutProblem.value).toBeNull();
    expect(sent).toEqual([{ url: '/api/auth/logout', method: 'POST', body: {} }]);
  });

  it('signOut offline: still signed in, and told to sign out again once back online', async () => {
    vi.useFakeTimers({ now: 1_234_000 });
    try {
      const { currentUser, signOut, signOutProblem, OFFLINE_SIGN_OUT } = await fresh();
      currentUser.value = ada;
      answers.push('offline');
      expect(await signOut()).toBe(false);
      expect(currentUser.value).toEqual(ada);
      expect(signOutProblem.value).toEqual({ message: OFFLINE_SIGN_OUT, at: 1_234_000 });
      expect(OFFLINE_SIGN_OUT).toMatch(/^You are offline, so you are not signed out yet\./);
      // A fault in the page is told the same way: nothing is faked.
      answers.push('malformed');
      vi.setSystemTime(1_235_000);
      expect(await signOut()).toBe(false);
      expect(signOutProblem.value).toEqual({ message: OFFLINE_SIGN_OUT, at: 1_235_000 });
      expect(currentUser.value).toEqual(ada);
    } finally {
      vi.useRealTimers();
    }
  });

  it('signOut refused by the server: still signed in, with the server’s reason; a later success clears it', async () => {
    const { currentUser, signOut, signOutProblem } = await fresh();
    currentUser.value = ada;
    answers.push({ status: 503, body: { error: 'unavailable', message: 'Down for maintenance.' } });
    expect(await signOut()).toBe(false);
    expect(signOutProblem.value?.message).toBe('You are not signed out yet: Down for maintenance.');
    expect(currentUser.value).toEqual(ada);
    answers.push({ status: 204 });
    expect(await signOut()).toBe(true);
    expect(signOutProblem.value).toBeNull();
    expect(currentUser.value).toBeNull();
  });

  it('signedOutByServer: nobody, and no sign-out problem left showing', async () => {
    const { currentUser, signedOutByServer, signOutProblem } = await fresh();
    currentUser.value = ada;
    signOutProblem.value = { message: 'x', at: 1 };
    signedOutByServer();
    expect(currentUser.value).toBeNull();
    expect(signOutProblem.value).toBeNull();
    expect(sent).toEqual([]);
  });

  it('updateProfile: sends the changes and shows the updated user', async () => {
    const { currentUser, updateProfile } = await fresh();
    currentUser.value = ada;
    const slower = { ...ada, timeMultiplier: 1.5 };
    answers.push({ status: 200, body: { user: slower } });
    expect(await updateProfile({ timeMultiplier: 1.5 })).toEqual(slower);
    expect(currentUser.value).toEqual(slower);
    expect(sent).toEqual([{ url: '/api/me', method: 'PATCH', body: { timeMultiplier: 1.5 } }]);
  });
});
