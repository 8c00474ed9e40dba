// The tests Stryker runs against each mutant: unit and in-process API tests. Tests that spawn a
// server process cannot see a mutant in this process, and the fuzz is too slow to run per mutant.
// MUTATION_TESTS=unit keeps to the unit tests (server/domain is meant to be proven without a server).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: process.env.MUTATION_TESTS === 'unit' ? ['test/unit/**/*.test.ts'] : ['test/unit/**/*.test.ts', 'test/api/**/*.test.ts'],
    exclude: ['test/api/durability.test.ts', 'test/api/crash-under-load.test.ts', 'test/api/socket-limits.test.ts', 'test/api/backup.test.ts', 'test/api/route-fuzz.test.ts'],
    environment: 'node',
    // One worker keeps its modules between test files and between mutants: no test here relies on a
    // fresh module state, and re-importing the app for every file was most of each mutant's cost.
    isolate: false,
    env: { PASSWORD_COST: '10' }, // as in vite.config.ts
    // Generous: instrumented code runs slower, and the bank tests read the whole shipped bank.
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
