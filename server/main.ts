// Start-up: config → database (migrated) → bank sync → listen; closes gracefully on signals.
import { resolve } from 'node:path';
import { loadConfig, ConfigError } from './config.ts';
import { openDatabase } from './db/client.ts';
import { loadBank } from './bank/load.ts';
import { syncBank } from './bank/sync.ts';
import { formatProblem } from './bank/problem.ts';
import { loadPart2 } from './bank/part2/load.ts';
import { syncPart2 } from './bank/part2/sync.ts';
import { sweepOverdueEssays } from './routes/essays/close.ts';
import { buildApp } from './app.ts';
import { attemptStore } from './routes/attempts/store.ts';

const SWEEP_MS = 60_000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  if (config.passwordCostLog2 < 17) console.warn(`PASSWORD_COST=${config.passwordCostLog2}: passwords are hashed below OWASP's cost (17). Use this for test runs only.`);
  const db = openDatabase(config.databasePath);
  const bank = loadBank(resolve(config.bankPath));
  if (bank.problems.length || !bank.framework) {
    for (const p of bank.problems) console.error(formatProblem(p));
    console.error('The question bank has problems (listed above); the database was left as it was. Fix them and start again.');
    process.exit(1);
  }
  const { part2, problems: part2Problems } = loadPart2(resolve(config.bankPath), bank.framework);
  if (!part2) {
    for (const p of part2Problems) console.error(formatProblem(p));
    console.error('The Part II files have problems (listed above); the database was left as it was. Fix them and start again.');
    process.exit(1);
  }
  const synced = syncBank(db, bank.items, Date.now());
  syncPart2(db, part2, Date.now());
  const app = await buildApp({
    db,
    framework: bank.framework,
    part2,
    now: Date.now,
    sessionSecret: config.sessionSecret,
    logger: { level: config.logLevel },
    http: config,
    mail: { smtpUrl: config.smtpUrl, publicUrl: config.publicUrl, from: config.mailFrom },
  });
  app.log.info({ ...synced, items: bank.items.length, database: config.databasePath }, 'question bank synced');
  const sweep = setInterval(() => {
    const closed = attemptStore(db).sweepOverdue(bank.framework!, Date.now());
    if (closed) app.log.info({ closed }, 'closed overdue attempts');
    const essays = sweepOverdueEssays(db, part2, Date.now());
    if (essays) app.log.info({ essays }, 'handed in overdue essays');
  }, SWEEP_MS);
  sweep.unref();

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(sweep);
    await app.close();
    db.$client.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
