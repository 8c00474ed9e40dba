// Reporting a question: a candidate reports one from their report, an admin answers it from the
// queue, and the candidate reads the reply on the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium } from './support/browser.ts';
import type { TestServer } from './support/server.ts';
import { expectAccessible, openSession, type Session } from './support/session.ts';
import { createAttemptViaApi, newCandidate, registerViaApi } from './support/flows.ts';

describe.skipIf(!hasChromium)('reporting a question', () => {
  let session: Session;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let attemptId = '';

  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1280, height: 900 } });
    ({ server, context, page } = session);
    const drill = await createAttemptViaApi(context.request, server.url, { mode: 'tutor', length: 2 });
    attemptId = drill.attempt.id;
    for (const item of drill.items) await context.request.put(`${server.url}/api/attempts/${attemptId}/responses/${item.slot}`, { data: { choice: 'A' } });
    await context.request.post(`${server.url}/api/attempts/${attemptId}/submit`, { data: {} });
  });
  afterAll(() => session?.close());

  it('sends a report from the report page', async () => {
    await page.goto(`${server.url}/report/${attemptId}`);
    const first = page.getByTestId('report-item').first();
    await first.getByText('Report this question').click();
    await first.getByLabel('What is wrong?').selectOption('two_right');
    await first.getByLabel('Details (optional)').fill('B reads as correct too.');
    await expectAccessible(page, 'report with the report form open');
    await first.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => first.getByTestId('question-report').innerText()).toBe('You reported this question (two answers are right): waiting for an answer.');
  });

  it('lets an admin answer it, and the candidate reads the reply', async () => {
    const adminContext = await session.browser.newContext({ viewport: { width: 320, height: 800 } });
    const admin = newCandidate('admin');
    await registerViaApi(adminContext.request, server.url, admin);
    server.db.$client.prepare("update users set role = 'admin' where email = ?").run(admin.email.toLowerCase());
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${server.url}/admin/reports`);
    await adminPage.getByRole('heading', { name: 'Question reports' }).waitFor();
    await adminPage.getByText('B reads as correct too.', { exact: false }).waitFor();
    await expectAccessible(adminPage, 'admin reports at 320 px');
    await adminPage.getByLabel(/^Reply to /).fill('Agreed: B is now a weaker option.');
    await adminPage.getByRole('button', { name: 'Uphold', exact: true }).click();
    await adminPage.getByText('No open reports.').waitFor();
    await adminContext.close();

    await page.reload();
    const first = page.getByTestId('report-item').first();
    await expect.poll(() => first.getByTestId('question-report').innerText()).toBe(
      'You reported this question (two answers are right): upheld. Reply: Agreed: B is now a weaker option.',
    );
  });

  it('shows no admin page to a candidate', async () => {
    await page.goto(`${server.url}/admin/reports`);
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/was not found/);
    expect(await page.getByRole('link', { name: 'Reports' }).count()).toBe(0);
  });
});
