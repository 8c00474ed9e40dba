// The tests Stryker runs against each mutant: unit and in-process API tests. Tests that spawn a
// server process cannot see a mutant in this process, and the fuzz is too slow to run per mutant.
// MUTATION_TESTS=unit keeps to the unit tests (server/domain is meant to be proven without a server).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: process.env.MUTATION_TESTS === 'unit' ? ['test/unit/**/*.test.ts'] : ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
    exclude: ['test/api/durability.test.ts', 'test/api/crash-under-load.test.ts', 'test/api/socket-limits.test.ts', 'test/api/backup.test.ts', 'test/api/route-fuzz.test.ts'],
    environment: 'node',
    // MUTATION_ISOLATE=false (routes, plugins): one worker keeps its modules between test files and
    // mutants, which cuts each mutant's cost to a third. Safe only where every file builds its app
    // afresh: the bank's tests keep what they loaded in module-level caches, and a cached load from
    // one mutant run would hide the next mutant (every loader mutant "survived" that way).
    isolate: process.env.MUTATION_ISOLATE !== 'false',
    env: { PASSWORD_COST: '10' }, // as in vite.config.ts
    // Generous: instrumented code runs slower, and the bank tests read the whole shipped bank.
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
