// Errors Node's HTTP parser raises on a socket get one raw answer in our error shape, then the
// socket is closed; a reset or an already-closed socket gets nothing.
import { describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { clientErrorHandler } from '../../server/plugins/errors.ts';

function socketWith({ destroyed = false, writable = true } = {}) {
  const written: string[] = [];
  let closed = false;
  const socket = {
    destroyed,
    writable,
    write: (s: string) => written.push(s),
    destroy: () => void (closed = true),
  } as unknown as Socket;
  return { socket, written, closed: () => closed };
}
const fail = (code?: string) => Object.assign(new Error('parser'), { code });

function answer(code?: string) {
  const s = socketWith();
  clientErrorHandler(fail(code), s.socket);
  expect(s.written).toHaveLength(1);
  expect(s.closed()).toBe(true);
  const [head, body] = s.written[0]!.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head!.split('\r\n');
  const headers = Object.fromEntries(headerLines.map((l) => l.split(': ') as [string, string]));
  return { statusLine, headers, body: body!, json: JSON.parse(body!) };
}

describe('clientErrorHandler', () => {
  it('answers a request that arrived too slowly with 408 request_timeout', () => {
    const a = answer('ERR_HTTP_REQUEST_TIMEOUT');
    expect(a.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(a.json).toEqual({ error: 'request_timeout', message: 'The request took too long to arrive; send it again.' });
  });

  it('answers oversized headers with 431 and an address too long with 414', () => {
    const headers = answer('HPE_HEADER_OVERFLOW');
    expect(headers.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(headers.json.error).toBe('headers_too_large');
    expect(headers.json.message).toMatch(/shorten them/);
    const uri = answer('HPE_URI_TOO_LONG');
    expect(uri.statusLine).toBe('HTTP/1.1 414 URI Too Long');
    expect(uri.json).toEqual({ error: 'uri_too_long', message: 'The address is too long; shorten it.' });
  });

  it('answers anything else it cannot parse with 400 bad_request, with or without a code', () => {
    for (const code of ['HPE_INVALID_METHOD', undefined]) {
      const a = answer(code);
      expect(a.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(a.json).toEqual({ error: 'bad_request', message: 'The request could not be read as HTTP.' });
    }
  });

  it('sends JSON that cannot be rendered or framed, its exact length, and closes the connection', () => {
    const a = answer('HPE_URI_TOO_LONG');
    expect(a.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(a.body)),
      connection: 'close',
    });
  });

  it('writes nothing to a socket the client reset or one already closed, and leaves a reset socket alone', () => {
    const reset = socketWith();
    clientErrorHandler(fail('ECONNRESET'), reset.socket);
    expect(reset.written).toEqual([]);
    expect(reset.closed()).toBe(false);
    const gone = socketWith({ destroyed: true });
    clientErrorHandler(fail('HPE_URI_TOO_LONG'), gone.socket);
    expect(gone.written).toEqual([]);
  });

  it('closes a socket that can no longer be written without writing to it', () => {
    const s = socketWith({ writable: false });
    clientErrorHandler(fail('HPE_URI_TOO_LONG'), s.socket);
    expect(s.written).toEqual([]);
    expect(s.closed()).toBe(true);
  });
});
