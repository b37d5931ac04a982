import { createServer, connect, type Server, type Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { TcpForwarder } from './tcp-forwarder.js';

/** A TCP echo server on loopback: what it gets, it sends back. */
const echoServer = async (): Promise<{ server: Server; port: number; sockets: Set<Socket> }> => {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port, sockets };
};

/** Sends `text` through 127.0.0.1:port and resolves to what comes back once `text.length` bytes came. */
const roundTrip = (port: number, text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.length >= text.length) {
        socket.end();
        resolve(received);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(text);
  });

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('TcpForwarder', () => {
  it('listens on a loopback port once and pipes both ways to the target', async () => {
    const echo = await echoServer();
    closers.push(() => new Promise<void>((r) => echo.server.close(() => r())));
    const logs: string[] = [];
    const forwarder = new TcpForwarder({ hostname: '127.0.0.1', port: echo.port }, (m) => logs.push(m));
    closers.push(() => forwarder.close());

    const [port, again] = await Promise.all([forwarder.port(), forwarder.port()]);
    expect(again).toBe(port);
    expect(port).not.toBe(echo.port);
    const big = 'x'.repeat(256 * 1024);
    expect(await roundTrip(port, 'hello registry')).toBe('hello registry');
    expect(await roundTrip(port, big)).toBe(big);
    expect(logs).toContain('registry forwarder listening');
  });

  it('drops a connection whose target refuses, logs it, and keeps serving', async () => {
    const refused = await echoServer();
    const deadPort = refused.port;
    await new Promise<void>((r) => refused.server.close(() => r()));
    const logs: string[] = [];
    const forwarder = new TcpForwarder({ hostname: '127.0.0.1', port: deadPort }, (m) => logs.push(m));
    closers.push(() => forwarder.close());
    const port = await forwarder.port();
    expect(await roundTrip(port, 'anyone?')).toBe('');
    expect(logs).toContain('registry forwarder connection failed');
    expect(await roundTrip(port, 'still there?')).toBe('');
  });

  it('closing ends the forwarded connections and stops listening', async () => {
    const echo = await echoServer();
    closers.push(() => new Promise<void>((r) => echo.server.close(() => r())));
    const forwarder = new TcpForwarder({ hostname: '127.0.0.1', port: echo.port }, () => undefined);
    const port = await forwarder.port();
    const open = connect({ host: '127.0.0.1', port });
    const closed = new Promise<void>((resolve) => open.on('close', () => resolve()));
    open.on('error', () => undefined);
    await new Promise<void>((resolve) => open.on('connect', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await forwarder.close();
    await closed;
    await expect(roundTrip(port, 'gone')).rejects.toThrow(/ECONNREFUSED/);
    await expect(forwarder.port()).rejects.toThrow(/closed/);
  });

  it('listens where it is told and names itself in its log', async () => {
    const echo = await echoServer();
    closers.push(() => new Promise<void>((r) => echo.server.close(() => r())));
    const free = await echoServer();
    const wanted = free.port;
    await new Promise<void>((r) => free.server.close(() => r()));
    const logs: string[] = [];
    const forwarder = new TcpForwarder({ hostname: '127.0.0.1', port: echo.port }, (m) => logs.push(m), {
      host: '127.0.0.1',
      port: wanted,
      name: 'API forwarder',
    });
    closers.push(() => forwarder.close());
    expect(await forwarder.port()).toBe(wanted);
    expect(await roundTrip(wanted, 'to the API')).toBe('to the API');
    expect(logs).toContain('API forwarder listening');
  });
});
