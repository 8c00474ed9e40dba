// scrypt at OWASP's recommended cost (N=2^17, r=8, p=1); parameters are stored with each hash
// so they can be raised later without invalidating existing accounts.
import { scrypt, randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordCostLog2 } from '../config.ts';

/** N = 2^17 unless PASSWORD_COST lowers it for a test run (config.ts refuses anything below 2^10). */
const COST = { N: 2 ** passwordCostLog2(process.env), r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A real hash of a random password: unknown accounts cost as much time as known ones. */
export const decoyHash = hashPassword(randomBytes(16).toString('hex'));
