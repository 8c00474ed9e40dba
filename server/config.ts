// Environment → typed configuration. A bad value stops start-up with a message naming it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  sessionSecret: string;
  logLevel: string;
  bankPath: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ?? '3000';
  if (!/^\d+$/.test(port) || Number(port) > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${port}")`);
  }
  const host = env.HOST ?? '127.0.0.1';
  if (host.trim() === '') throw new ConfigError('HOST must not be empty (e.g. 127.0.0.1 or 0.0.0.0)');
  const databasePath = env.DATABASE_PATH ?? './data/cetl.sqlite';
  if (databasePath.trim() === '') throw new ConfigError('DATABASE_PATH must not be empty (e.g. ./data/cetl.sqlite)');
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  let sessionSecret = env.SESSION_SECRET;
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters (or leave it unset to generate one)');
  }
  sessionSecret ??= storedSecret(databasePath);
  const bankPath = env.BANK_PATH ?? './question-bank';
  return { port: Number(port), host, databasePath, sessionSecret, logLevel, bankPath };
}

/** Generated once and kept beside the database, readable only by its owner. */
function storedSecret(databasePath: string): string {
  const file = databasePath === ':memory:' ? null : join(dirname(resolve(databasePath)), 'session-secret');
  if (file === null) return randomBytes(32).toString('base64url');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
