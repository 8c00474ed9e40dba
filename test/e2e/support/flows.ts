// Small steps shared by the browser tests (through the real API, never mocked).
import type { APIRequestContext, Page } from 'playwright-core';

/** Areas with plenty of items in the bank, so a short drill can always be drawn. */
export const DRILL_AREAS = [1, 2, 4];

let counter = 0;
export function newCandidate(prefix = 'candidate') {
  counter++;
  return { name: `Test ${prefix} ${counter}`, email: `${prefix}${counter}-${Date.now()}@example.org`, password: 'a long enough passphrase' };
}

export async function registerViaApi(request: APIRequestContext, base: string, who = newCandidate()) {
  const res = await request.post(`${base}/api/auth/register`, { data: who });
  if (res.status() !== 201) throw new Error(`register: ${res.status()} ${await res.text()}`);
  return who;
}

export async function createAttemptViaApi(request: APIRequestContext, base: string, body: Record<string, unknown>) {
  const res = await request.post(`${base}/api/attempts`, { data: body });
  if (res.status() !== 201) throw new Error(`create attempt: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { attempt: { id: string; remainingMs: number | null; deadline: number | null; length: number }; items: { slot: number }[] };
}

export async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  if (!res.ok()) throw new Error(`GET ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Seconds shown by the runner's countdown (m:ss or h:mm:ss). */
export async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').innerText()).trim();
  return text.split(':').map(Number).reduce((acc, n) => acc * 60 + n, 0);
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
}

/** True when the page does not scroll sideways (reflow at 320 CSS px / 400% zoom). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}
