// npm test: type check, unit and API tests, then the browser suite when Chromium is installed (loudly skipped if not).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const vitest = (...projects: string[]) =>
  spawnSync('npx', ['vitest', 'run', '--passWithNoTests', ...projects.flatMap((p) => ['--project', p])], { stdio: 'inherit' }).status ?? 1;

const typecheck = spawnSync('npx', ['tsc', '--noEmit'], { stdio: 'inherit' }).status ?? 1;
if (typecheck !== 0) console.error('\nType check failed (npx tsc --noEmit); the tests run anyway.\n');
let failed = typecheck !== 0;
failed = vitest('unit', 'api') !== 0 || failed;
if (existsSync(chromium)) {
  failed = vitest('e2e') !== 0 || failed;
} else {
  const line = '!'.repeat(78);
  console.error(`\n${line}\n!! BROWSER SUITE SKIPPED: Chromium was not found at ${chromium}.\n` +
    `!! Install it with:  sudo apt-get install -y chromium   (or set CHROMIUM_PATH)\n` +
    `!! then run npm test again. .ci/run installs it for you.\n${line}\n`);
}
process.exit(failed ? 1 : 0);
