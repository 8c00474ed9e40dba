// The API documents itself: every route has schemas and appears in the OpenAPI document at /docs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

describe('OpenAPI', () => {
  it('declares reply schemas on every API route', () => {
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.filter((r) => !r.hasSchema).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('lists every API route in /docs/json and serves the docs page', async () => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(expect.arrayContaining(routes.sort()));
    const page = await t.app.inject('/docs');
    expect(page.statusCode).toBeLessThan(400);
  });
});
