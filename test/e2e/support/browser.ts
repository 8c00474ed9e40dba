// Debian's Chromium through playwright-core, axe-core checks, screenshots and keyboard helpers.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { root } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[e2e] ${CHROMIUM} not found: browser tests are skipped (apt-get install chromium).`);

const LAUNCH = { executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] };

/** One Chromium for the whole browser suite (global-setup.ts): starting it costs 2–3 s per file. */
export function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH);
}

/**
 * A connection of this file's own to the suite's Chromium (its contexts close with it), or a
 * Chromium of its own when the file runs without the global set-up.
 */
export function launch(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : chromium.launch(LAUNCH);
}

const AXE = join(root, 'node_modules/axe-core/axe.min.js');
const SHOTS = join(root, 'test-output/screenshots');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules plus best practices) on the page as it is now.
 * The script is served from the page's own origin so the app's Content-Security-Policy stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const origin = new URL(page.url()).origin;
  await page.route(`${origin}/__axe.min.js`, (route) => route.fulfill({ path: AXE, contentType: 'application/javascript' }));
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ url: `${origin}/__axe.min.js` });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** A readable list for assertion messages. */
export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

/**
 * Screenshots (full page unless told) for a person to look at (test-output/screenshots), taken only when
 * SCREENSHOTS=1: they assert nothing, and taking them all costs the suite about 20 seconds.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Presses Tab until the focused element matches `selector` (and contains `text`); fails if it never does. */
export async function tabTo(page: Page, selector: string, text?: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    const found = await page.evaluate(
      ([s, t]) => {
        const el = document.activeElement as HTMLElement | null;
        return !!el && el.matches(s!) && (t === null || el.innerText.includes(t));
      },
      [selector, text ?? null] as const,
    );
    if (found) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}${text ? ` with "${text}"` : ''}`);
}

export const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
