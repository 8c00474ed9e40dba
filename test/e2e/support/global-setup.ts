// Before any browser file starts: builds the client once and starts one Chromium that every file
// connects to (each through its own connection, so its contexts and pages are its own).
import type { TestProject } from 'vitest/node';
import { hasChromium, launchServer } from './browser.ts';
import { ensureClientBuilt } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's Chromium, or '' when each file must launch its own. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureClientBuilt();
  const server = hasChromium ? await launchServer() : null;
  project.provide('chromiumEndpoint', server?.wsEndpoint() ?? '');
  return async () => {
    await server?.close();
  };
}
