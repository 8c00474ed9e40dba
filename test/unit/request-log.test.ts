// The request log never holds a link that is itself a secret.
import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../server/plugins/request-log.ts';

describe('redactUrl', () => {
  it('hides the token of reset, email-confirmation and review links, page and API alike', () => {
    expect(redactUrl('/reset/abc123')).toBe('/reset/[token]');
    expect(redactUrl('/confirm-email/xyz?x=1')).toBe('/confirm-email/[token]?x=1');
    expect(redactUrl('/review/tok_9')).toBe('/review/[token]');
    expect(redactUrl('/api/essays/shared/tok_9/scores')).toBe('/api/essays/shared/[token]/scores');
  });
  it('leaves other addresses as they are', () => {
    expect(redactUrl('/api/attempts/a1/responses/3')).toBe('/api/attempts/a1/responses/3');
    expect(redactUrl('/report/a1')).toBe('/report/a1');
  });
});
