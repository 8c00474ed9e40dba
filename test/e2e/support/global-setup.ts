// Before any browser file starts: builds the client once, loads the shipped bank into a database that
// each file's server copies, and starts one Chromium that every file connects to (each through its
// own connection, so its contexts and pages are its own).
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hasChromium, launchServer } from './browser.ts';
import { ensureClientBuilt, shippedBankDatabase } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's Chromium, or '' when each file must launch its own. */
    chromiumEndpoint: string;
    /** The shipped bank loaded into a database file, which each file's server copies. */
    bankDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureClientBuilt();
  const server = hasChromium ? await launchServer() : null;
  project.provide('chromiumEndpoint', server?.wsEndpoint() ?? '');
  const bank = shippedBankDatabase();
  project.provide('bankDatabase', bank);
  return async () => {
    await server?.close();
    rmSync(dirname(bank), { recursive: true, force: true });
  };
}
