// The real server, in process, on a fresh SQLite file; its clock can be moved forward.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { loadBank, loadFramework } from '../../../server/bank/load.ts';
import type { Db } from '../../../server/db/client.ts';
import { bankDatabase, scratchApp } from '../../fixtures/app.ts';

export const root = resolve(import.meta.dirname, '../../..');
const clientSrc = join(root, 'client');
const clientDist = join(root, 'dist/client');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Builds the client (npx vite build) unless dist/client is newer than every client source file. */
export function ensureClientBuilt(): void {
  const index = join(clientDist, 'index.html');
  const fresh = existsSync(index) && statSync(index).mtimeMs > Math.max(newest(clientSrc), statSync(join(root, 'vite.config.ts')).mtimeMs);
  if (fresh) return;
  execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'pipe', timeout: 120_000 });
}

export interface TestServer {
  url: string;
  db: Db;
  /** Milliseconds added to the server's clock; raise it to make time pass on the server. */
  clock: { offset: number };
  close(): Promise<void>;
}

/**
 * The real server on the shipped bank, listening on a free port, serving the built client.
 * `log`: every log line (info and up) is pushed there, e.g. to read the links the log transport mails.
 */
export async function startServer({ log }: { log?: string[] } = {}): Promise<TestServer> {
  const { framework, problems } = loadFramework(join(root, 'question-bank'));
  if (!framework) throw new Error(`question-bank/blueprint.yaml does not load: ${problems.map((p) => p.message).join('; ')}`);
  // The global set-up loaded the shipped bank into a database once; each file starts from a copy.
  const from = inject('bankDatabase');
  const logger = log && { level: 'info', stream: { write: (line: string) => void log.push(line) } };
  const scratch = await scratchApp({ framework, items: { from }, clientDir: clientDist, logger });
  await scratch.app.listen({ port: 0, host: '127.0.0.1' });
  const address = scratch.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { url: `http://127.0.0.1:${address.port}`, db: scratch.db, clock: scratch.clock, close: scratch.close };
}

/** The shipped bank loaded into a fresh database file (see bankDatabase); its path. */
export function shippedBankDatabase(): string {
  const bank = loadBank(join(root, 'question-bank'));
  if (!bank.framework) throw new Error(`question-bank/blueprint.yaml does not load: ${bank.problems.map((p) => p.message).join('; ')}`);
  return bankDatabase(bank.framework, bank.items);
}

/** The stored choices of an attempt, read straight from the database. */
export function storedResponses(db: Db, attemptId: string): { slot: number; choice: string | null; flagged: number }[] {
  return db.$client
    .prepare('SELECT slot, choice, flagged FROM slots WHERE attempt_id = ? ORDER BY slot')
    .all(attemptId) as { slot: number; choice: string | null; flagged: number }[];
}
