// One browser test file's world: the real server on a fresh database, Chromium, one page, and
// (unless told otherwise) a signed-up candidate whose cookie the page carries.
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations, describeViolations, launch } from './browser.ts';
import { ensureClientBuilt, startServer, type TestServer } from './server.ts';
import { registerViaApi } from './flows.ts';

export interface Session {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(options: BrowserContextOptions = {}, { signedUp = true } = {}): Promise<Session> {
  ensureClientBuilt();
  const server = await startServer();
  const browser = await launch();
  const context = await browser.newContext(options);
  const page = await context.newPage();
  if (signedUp) await registerViaApi(context.request, server.url);
  return {
    server, browser, context, page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** axe-core finds no WCAG 2.2 A/AA or best-practice violation on the screen as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
}
