// Part II in a real browser: write a timed answer, lose the server and reload, resume, hand in,
// read the automated reading with the writer's own sentences marked, score yourself, see the
// exemplar, and see a calibrated peer's score arrive through a review link. axe on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, screenshot } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { registerViaApi } from './support/flows.ts';

const FIRST = 'I recommend that the board adopt a technology vision tied to our three strategic goals before we sign any device contract.';
const SECOND = 'We will pilot the plan in two schools this fall and survey teachers each month to measure what changes.';

describe.skipIf(!hasChromium)('Part II: writing, reading and scoring an essay', () => {
  let session: Session;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let essayUrl = '';
  let reviewLink = '';

  const storedText = () => (server.db.$client.prepare('select text from essays order by started_at desc limit 1').pluck().get() as string) ?? '';
  const saveState = () => page.locator('[data-testid="essay-save"]').getAttribute('data-state');

  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } });
    ({ server, browser, context, page } = session);
  });
  afterAll(() => session?.close());

  it('lists prompts and starts a timed answer with the prompt, time left and a word count', async () => {
    await page.goto(`${server.url}/essays`);
    await page.getByRole('heading', { name: 'Part II: scenario essays' }).waitFor();
    await expectAccessible(page, 'essays list');
    await page.getByRole('button', { name: 'Write: A technology vision the board can fund' }).click();
    await page.waitForURL(/\/essays\/[0-9a-f-]{36}$/);
    essayUrl = page.url();
    await page.getByRole('timer').waitFor();
    expect(await page.getByText('write for the school board').count()).toBe(1);
    await page.getByLabel('Your answer').fill(FIRST);
    await expect.poll(saveState, { timeout: 15_000 }).toBe('saved');
    expect(storedText()).toBe(FIRST);
    expect(await page.locator('#answer-count').innerText()).toContain('21 words (aim for 300–600)');
    await expectAccessible(page, 'essay editor');
    await screenshot(page, '40-essay-editor');
  });

  it('keeps writing while offline and while the server is unreachable, resumes after a reload, then saves', async () => {
    await context.setOffline(true);
    await page.getByLabel('Your answer').fill(`${FIRST}\n\n${SECOND}`);
    await expect.poll(saveState, { timeout: 15_000 }).toBe('offline');
    // Back online, but the server cannot be reached for saves; the page is reloaded meanwhile.
    await page.route('**/api/essays/*/text', (route) => route.abort());
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => page.getByLabel('Your answer').inputValue()).toBe(`${FIRST}\n\n${SECOND}`);
    expect(storedText()).toBe(FIRST);
    await page.unroute('**/api/essays/*/text');
    await expect.poll(saveState, { timeout: 20_000 }).toBe('saved');
    expect(storedText()).toBe(`${FIRST}\n\n${SECOND}`);
  });

  it('resumes in a second tab with the same text', async () => {
    const second = await context.newPage();
    await second.goto(essayUrl);
    await expect.poll(() => second.getByLabel('Your answer').inputValue()).toBe(`${FIRST}\n\n${SECOND}`);
    await second.close();
  });

  it('hands in and shows the automated reading, labelled an estimate, with the writer’s sentences marked', async () => {
    await page.getByRole('button', { name: 'Hand in' }).click();
    await page.getByRole('heading', { name: /^Automated first reading/ }).waitFor();
    expect(await page.getByText('estimate', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Not read automatically.').count()).toBe(1);
    await page.getByRole('button', { name: 'Mark the sentences this rests on' }).first().click();
    const marked = await page.locator('mark').allInnerTexts();
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(`${FIRST}\n\n${SECOND}`).toContain(m);
    await expectAccessible(page, 'essay reading');
    await screenshot(page, '41-essay-reading');
  });

  it('shows the exemplar only after the self-score', async () => {
    expect(await page.getByRole('heading', { name: 'What a strong answer covers' }).count()).toBe(0);
    for (const c of ['understanding', 'strategy', 'audience', 'accuracy', 'organisation']) await page.locator(`input[name="self-${c}"][value="2"]`).check();
    await page.getByRole('button', { name: 'Save my score' }).click();
    await page.getByRole('heading', { name: 'What a strong answer covers' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save my revised score' }).count()).toBe(1);
    await expectAccessible(page, 'essay exemplar');
  });

  it('makes a review link; a second user calibrates on an anchor, then scores the essay', async () => {
    await page.getByRole('button', { name: 'Make a review link' }).click();
    reviewLink = await page.getByLabel(/Review link/).inputValue();
    expect(reviewLink).toMatch(/\/review\/[A-Za-z0-9_-]{32}$/);

    const peerContext = await browser.newContext({ viewport: { width: 320, height: 800 } });
    await registerViaApi(peerContext.request, server.url, { name: 'Pat Peer', email: `peer-${Date.now()}@example.org`, password: 'a long enough passphrase' });
    const peer = await peerContext.newPage();
    await peer.goto(reviewLink);
    await peer.getByRole('heading', { name: 'First, calibrate on a sample answer' }).waitFor();
    await expectAccessible(peer, 'review calibration at 320 px');
    for (const c of ['understanding', 'strategy', 'audience', 'accuracy', 'organisation']) await peer.locator(`input[name="calibration-${c}"][value="3"]`).check();
    await peer.getByRole('button', { name: 'Score the sample' }).click();
    await peer.getByRole('heading', { name: 'Your calibration' }).waitFor();
    expect(await peer.getByText(FIRST).count()).toBe(1);
    for (const c of ['understanding', 'strategy', 'audience', 'accuracy', 'organisation']) await peer.locator(`input[name="peer-${c}"][value="3"]`).check();
    await peer.getByLabel('Comment on fit to the audience (optional)').fill('Plain and direct.');
    await peer.getByRole('button', { name: 'Send my score' }).click();
    await peer.getByText(/your score \(total 15\) was sent/).waitFor();
    await expectAccessible(peer, 'review sent at 320 px');
    await screenshot(peer, '42-review-sent-320');
    await peerContext.close();
  });

  it('shows the peer’s levels beside the writer’s own, with the peer’s calibration gap', async () => {
    await page.goto(essayUrl);
    const table = page.getByRole('table', { name: /Levels per criterion/ });
    await table.waitFor();
    const header = await table.locator('thead').innerText();
    expect(header).toContain('Peer: Pat Peer');
    expect(header).toMatch(/calibration gap \d/);
    expect(await table.innerText()).toContain('Plain and direct.');
    await page.setViewportSize({ width: 320, height: 800 });
    await expectAccessible(page, 'essay results at 320 px');
  });

  it('keeps the list and the editor accessible at 320 px, with the timer in view while writing', async () => {
    await page.goto(`${server.url}/essays`);
    await page.getByRole('heading', { name: 'Part II: scenario essays' }).waitFor();
    await expectAccessible(page, 'essays list at 320 px');
    await page.getByRole('button', { name: 'Write: Explaining two-step sign-in to families' }).click();
    await page.getByLabel('Your answer').fill('A short start. '.repeat(200));
    await page.getByLabel('Your answer').press('End');
    const box = await page.getByRole('timer').boundingBox();
    expect(box && box.y >= 0 && box.y < 800).toBe(true);
    await expectAccessible(page, 'essay editor at 320 px');
    await screenshot(page, '43-essay-editor-320');
  });
});
