// Environment → typed configuration. A bad value stops start-up with a message naming it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';

/** How the server meets the network; the defaults apply when an environment variable is unset. */
export interface HttpOptions {
  /** Trust X-Forwarded-* from a proxy: false, true, a hop count, or a comma-separated address list. */
  trustProxy: boolean | number | string;
  /** `auto`: the cookie is Secure when the request arrived over TLS (directly or via a trusted proxy). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** A request (headers and body) must arrive within this many ms, or its socket is cut off. */
  requestTimeoutMs: number;
  /** Open connections allowed from one address at once. */
  maxConnectionsPerAddress: number;
  /** Which requests get a log line: every one, only slow ones and errors, or none. */
  logRequests: 'all' | 'slow' | 'none';
}

export const HTTP_DEFAULTS: HttpOptions = {
  trustProxy: false,
  cookieSecure: 'auto',
  requestTimeoutMs: 30_000,
  maxConnectionsPerAddress: 64,
  logRequests: 'slow',
};

export interface Config extends HttpOptions {
  port: number;
  host: string;
  databasePath: string;
  sessionSecret: string;
  logLevel: string;
  bankPath: string;
  /** Mail for password resets and email changes: unset → links go to the log (see server/mail.ts). */
  smtpUrl?: string;
  /** Where users reach the app; the base of mailed links (required with SMTP_URL). */
  publicUrl?: string;
  mailFrom?: string;
  /** log2 of scrypt's N for new password hashes: 17 (OWASP) unless a test run lowers it. */
  passwordCostLog2: number;
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
  // An empty value counts as unset (SMTP_URL= in a unit file switches mail off).
  const [smtpUrl, publicUrl, mailFrom] = [env.SMTP_URL, env.PUBLIC_URL, env.MAIL_FROM].map((v) => v || undefined);
  if (smtpUrl !== undefined && !/^smtps?:\/\/\S+$/.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL (e.g. smtps://user:pass@mail.example.org)');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http:// or https:// address (got "${publicUrl}")`);
  if (smtpUrl !== undefined && publicUrl === undefined) throw new ConfigError('PUBLIC_URL must be set when SMTP_URL is: mailed links use it (e.g. https://cetl.example.org)');
  return {
    port: Number(port), host, databasePath, sessionSecret, logLevel, bankPath, smtpUrl, publicUrl, mailFrom,
    passwordCostLog2: passwordCostLog2(env),
    trustProxy: env.TRUST_PROXY === undefined ? HTTP_DEFAULTS.trustProxy : trustProxy(env.TRUST_PROXY),
    cookieSecure: oneOf('COOKIE_SECURE', env.COOKIE_SECURE ?? HTTP_DEFAULTS.cookieSecure, ['auto', 'always', 'never'] as const),
    requestTimeoutMs: wholeNumber('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS ?? String(HTTP_DEFAULTS.requestTimeoutMs), 100),
    maxConnectionsPerAddress: wholeNumber('MAX_CONNECTIONS_PER_ADDRESS', env.MAX_CONNECTIONS_PER_ADDRESS ?? String(HTTP_DEFAULTS.maxConnectionsPerAddress), 1),
    logRequests: oneOf('LOG_REQUESTS', env.LOG_REQUESTS ?? HTTP_DEFAULTS.logRequests, ['all', 'slow', 'none'] as const),
  };
}

/**
 * PASSWORD_COST: log2 of scrypt's N for new hashes. 17 (N = 131072, OWASP's advice) by default; the
 * test suites set 10 so that hundreds of sign-ins take seconds, not minutes. Stored hashes carry
 * their own N, so raising it later leaves every account working.
 */
export function passwordCostLog2(env: NodeJS.ProcessEnv): number {
  const value = env.PASSWORD_COST || '17';
  if (!/^\d+$/.test(value) || Number(value) < 10 || Number(value) > 20) {
    throw new ConfigError(`PASSWORD_COST must be a whole number from 10 to 20, log2 of scrypt's N (got "${value}"; leave it unset for 17)`);
  }
  return Number(value);
}

function wholeNumber(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new ConfigError(`${name} must be a whole number of at least ${min} (got "${value}")`);
  return Number(value);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  if (/^[\d.:a-fA-F/, ]+$/.test(value)) return value;
  throw new ConfigError(`TRUST_PROXY must be true, false, a hop count or a list of proxy addresses (got "${value}")`);
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
