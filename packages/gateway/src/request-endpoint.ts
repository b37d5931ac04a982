import type { IncomingMessage } from 'node:http';

/**
 * The URL a client reached this server at: its Host header (what it signed, port included), else
 * the socket's local address. Berth serves plain HTTP.
 */
export const endpointOf = (req: Pick<IncomingMessage, 'headers' | 'socket'>): string => {
  const host = req.headers.host;
  if (host) return `http://${host}/`;
  const address = req.socket.localAddress ?? '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort ?? 80}/`;
};
