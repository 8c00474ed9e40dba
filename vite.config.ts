import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Every suite hashes passwords at scrypt N = 2^10 (PASSWORD_COST, server/config.ts) instead of 2^17:
// hundreds of sign-ins then take seconds. test/unit/password.test.ts pins the default.
const env = { PASSWORD_COST: '10' };

export default defineConfig({
  root: 'client',
  plugins: [preact()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  test: {
    root: '.',
    projects: [
      { test: { name: 'unit', root: '.', include: ['test/unit/**/*.test.ts'], environment: 'node', env } },
      { test: { name: 'api', root: '.', include: ['test/api/**/*.test.ts'], environment: 'node', env, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', root: '.', include: ['test/e2e/**/*.test.ts'], environment: 'node', env, testTimeout: 120_000, hookTimeout: 120_000,
        // One browser file at a time (timing-sensitive journeys on a 2-core machine); the client is built once.
        globalSetup: ['test/e2e/support/global-setup.ts'], fileParallelism: false } },
    ],
  },
});
