// Password hashing: OWASP's scrypt cost (N = 2^17, r = 8, p = 1) by default, the cost stored with
// each hash so a hash made at another N still verifies.
import { afterEach, describe, expect, it, vi } from 'vitest';

const suiteCost = process.env.PASSWORD_COST;
afterEach(() => {
  process.env.PASSWORD_COST = suiteCost;
  vi.resetModules();
});

async function passwordModule(cost: string | undefined) {
  if (cost === undefined) delete process.env.PASSWORD_COST;
  else process.env.PASSWORD_COST = cost;
  vi.resetModules();
  return import('../../server/auth/password.ts');
}

describe('password hashes', () => {
  it('use N = 131072, r = 8, p = 1 when PASSWORD_COST is unset', async () => {
    const { hashPassword, verifyPassword } = await passwordModule(undefined);
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('take N from PASSWORD_COST, and verify a hash made at another N', async () => {
    const strong = await (await passwordModule(undefined)).hashPassword('correct horse battery');
    const { hashPassword, verifyPassword } = await passwordModule('10');
    const quick = await hashPassword('correct horse battery');
    expect(quick).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', strong)).toBe(true);
    expect(await verifyPassword('correct horse battery', quick)).toBe(true);
  });

  it('compare the NFKC form, so a composed and a decomposed é are the same password', async () => {
    const { hashPassword, verifyPassword } = await passwordModule('10');
    const hash = await hashPassword('caf\u00e9 au lait please');
    expect(await verifyPassword('cafe\u0301 au lait please', hash)).toBe(true);
  });

  it('refuse a stored value of another scheme, and a key of another length', async () => {
    const { hashPassword, verifyPassword } = await passwordModule('10');
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    const shorter = hash.replace(/\$[^$]+$/, `$${Buffer.alloc(16).toString('base64')}`);
    expect(await verifyPassword('correct horse battery', shorter)).toBe(false);
  });
});
