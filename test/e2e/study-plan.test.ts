// The learning loop in a browser: after two practice exams (areas 4 and 5 answered wrong, the rest
// right) the study plan shows mastery with intervals and a readiness range; the suggested drill
// targets exactly the weak areas; a missed question comes back for review on its due date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, getJson, newCandidate, registerViaApi } from './support/flows.ts';

const WEAK = [4, 5];
const DAY = 86_400_000;

describe.skipIf(!hasChromium)('the study plan', () => {
  let session: Session;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const who = newCandidate('study');

  const keyOf = (itemId: string) => server.db.$client.prepare('select answer from item_versions where item_id = ? order by version desc limit 1').pluck().get(itemId) as string;

  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } }, { signedUp: false });
    ({ server, context, page } = session);
    await registerViaApi(context.request, server.url, who);
    for (let exam = 0; exam < 2; exam++) {
      const { attempt, items } = (await createAttemptViaApi(context.request, server.url, { mode: 'exam' })) as unknown as {
        attempt: { id: string }; items: { slot: number; itemId: string; area: number }[];
      };
      for (const item of items) {
        const key = keyOf(item.itemId);
        const choice = WEAK.includes(item.area) ? (key === 'A' ? 'B' : 'A') : key;
        await context.request.put(`${server.url}/api/attempts/${attempt.id}/responses/${item.slot}`, { data: { choice } });
      }
      const submitted = await context.request.post(`${server.url}/api/attempts/${attempt.id}/submit`, { data: {} });
      expect(submitted.status()).toBe(200);
    }
  });
  afterAll(() => session?.close());

  it('shows mastery by area with intervals, the readiness range and what to do today', async () => {
    await page.goto(`${server.url}/study`);
    await page.getByRole('heading', { name: 'Study plan', level: 1 }).waitFor();
    await page.getByRole('img', { name: /Chance of answering a fresh question correctly/ }).waitFor();
    const table = page.getByRole('table', { name: /Chance of answering a fresh question correctly/ });
    const rowOf = async (area: number) => (await table.locator('tbody tr').nth(area - 1).innerText()).replace(/\s+/g, ' ');
    expect(await rowOf(4)).toMatch(/^4\. Instructional Focus & Professional Development \d% \d+–\d+% 36 /);
    expect(await rowOf(1)).toMatch(/^1\. Leadership & Vision 9\d% 9\d–(9\d|100)% 30 /);
    const readiness = await page.getByRole('region', { name: 'Readiness' }).innerText();
    expect(readiness).toMatch(/between \d+% and \d+%/);
    expect(await page.getByText('Nothing due today').count()).toBe(1);
    await expectAccessible(page, 'study plan');
    await screenshot(page, '60-study-plan');
  });

  it('starts the suggested drill, and it draws only from the weak areas', async () => {
    await page.getByRole('button', { name: 'Drill my weak areas' }).click();
    await page.waitForURL(/\/exam\/[0-9a-f-]{36}/);
    const id = new URL(page.url()).pathname.split('/')[2];
    const attempt = await getJson<{ items: { area: number }[] }>(context.request, `${server.url}/api/attempts/${id}`);
    expect(attempt.items).toHaveLength(20);
    expect([...new Set(attempt.items.map((i) => i.area))].sort()).toEqual(WEAK);
  });

  it('brings a missed question back for review on its due date', async () => {
    server.clock.offset += DAY + 60_000;
    // A day later the session has gone idle; sign in again.
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: { email: who.email, password: who.password } });
    expect(login.status()).toBe(200);
    await page.goto(`${server.url}/study`);
    const due = page.getByText(/^\d+ questions? due for review\./);
    await due.waitFor();
    const count = Number((await due.innerText()).split(' ')[0]);
    expect(count).toBeGreaterThan(0);
    await page.getByRole('button', { name: "Start today's review" }).click();
    await page.waitForURL(/\/exam\/[0-9a-f-]{36}/);
    const id = new URL(page.url()).pathname.split('/')[2];
    const review = await getJson<{ attempt: { mode: string }; items: { area: number }[] }>(context.request, `${server.url}/api/attempts/${id}`);
    expect(review.attempt.mode).toBe('tutor');
    expect(review.items).toHaveLength(Math.min(count, 20));
    expect(review.items.every((i) => WEAK.includes(i.area))).toBe(true);
  });

  it('is accessible at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${server.url}/study`);
    await page.getByRole('heading', { name: 'Study plan', level: 1 }).waitFor();
    await expectAccessible(page, 'study plan at 320 px');
  });
});
