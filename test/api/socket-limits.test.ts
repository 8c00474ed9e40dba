// The real server process against slow and greedy clients: stalled bodies are cut off, one address
// cannot hold every socket, and the parser's refusals keep the { error, message } shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthy, spawnServer, type ServerProcess } from './process.ts';

let server: ServerProcess;
let port: number;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cetl-sockets-'));
  server = await spawnServer({ DATABASE_PATH: join(dir, 'db.sqlite'), REQUEST_TIMEOUT_MS: '1500', MAX_CONNECTIONS_PER_ADDRESS: '4' });
  await healthy(server);
  port = Number(new URL(server.base).port);
}, 60_000);
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
});

/** Opens a socket, writes `text`, and resolves with everything the server sent until it closed. */
function exchange(text: string, keepOpenMs = 10_000): Promise<{ data: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (d) => (data += d));
    const timer = setTimeout(() => socket.destroy(), keepOpenMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ data, closedAfterMs: Date.now() - started });
    });
    socket.on('error', () => {});
  });
}

describe('slow and greedy clients', () => {
  it('cuts off a request whose body stalls, with a 408 in our error shape', async () => {
    const head = 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":';
    const { data, closedAfterMs } = await exchange(head);
    expect(data).toMatch(/^HTTP\/1.1 408/);
    expect(data).toContain('"error":"request_timeout"');
    expect(data).toMatch(/x-content-type-options: nosniff/i);
    // REQUEST_TIMEOUT_MS is 1.5 s here; the check runs every second.
    expect(closedAfterMs).toBeLessThan(6000);
  });

  it('answers oversized headers with 431 in our error shape', async () => {
    const { data } = await exchange(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(data).toMatch(/^HTTP\/1.1 431/);
    expect(data).toContain('"error":"headers_too_large"');
  });

  it('holds at most 4 connections from one address; the 5th is closed at once', async () => {
    const idle = await Promise.all(Array.from({ length: 4 }, () => new Promise<Socket>((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
      s.on('error', () => {});
    })));
    try {
      const fifth = await exchange('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n', 3000);
      expect(fifth.data).toBe('');
      expect(fifth.closedAfterMs).toBeLessThan(2000);
    } finally {
      for (const s of idle) s.destroy();
    }
    await new Promise((r) => setTimeout(r, 200));
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
  });
});
