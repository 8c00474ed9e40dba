// The API documents itself: every route has schemas and appears in the OpenAPI document at /docs.
// Each test builds its own app: the route options (the schemas) run while an app is built, and only
// a test that builds one is credited with them (see withOwnApp).
import { describe, expect, it } from 'vitest';
import { withOwnApp } from './harness.ts';

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
}

/**
 * One line per operation: its body fields (`?` when optional), path and query parameters, and the
 * statuses it declares with the fields of its success reply. A schema lost from a route's options
 * changes its line.
 */
function contract(paths: Record<string, Record<string, Operation>>): string[] {
  return Object.entries(paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => {
    const body = op.requestBody && Object.values(op.requestBody.content)[0].schema;
    const fields = body && Object.keys(body.properties ?? {}).map((f) => (body.required?.includes(f) ? f : `${f}?`));
    const params = (where: string) => (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
    return [
      `${method.toUpperCase()} ${path}`,
      fields && `body {${fields.join(', ')}}`,
      params('path').length > 0 && `path {${params('path').join(', ')}}`,
      params('query').length > 0 && `query {${params('query').join(', ')}}`,
      `→ ${Object.entries(op.responses).map(([status, r]) => {
        // A success reply names its top-level fields: a lost reply schema would send `{}`.
        const fields = status.startsWith('2') && Object.values(r.content ?? {})[0]?.schema.properties;
        return fields ? `${status} {${Object.keys(fields).join(', ')}}` : status;
      }).join(' ')}`,
    ].filter(Boolean).join(' ');
  })).sort();
}

describe('OpenAPI', () => {
  it('declares reply schemas on every API route', () => withOwnApp(async (t) => {
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.filter((r) => !r.hasSchema).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  }));

  it('lists every API route in /docs/json and serves the docs page', () => withOwnApp(async (t) => {
    const doc = (await t.app.inject('/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(expect.arrayContaining(routes.sort()));
    const page = await t.app.inject('/docs');
    expect(page.statusCode).toBeLessThan(400);
  }));

  it('keeps the published contract: each route’s body, parameters and statuses', () => withOwnApp(async (t) => {
    const doc = (await t.app.inject('/docs/json')).json();
    // A deliberate change to the API updates this file (vitest -u) and shows up in review.
    await expect(contract(doc.paths).join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/api-contract.txt');
  }));
});
