/**
 * Small timed probes for the ALB benchmark: a keep-alive HTTP GET that returns its body, and one
 * command on an HAProxy runtime API (UNIX) socket, with its round trip.
 */
import { Agent, request } from 'node:http';
import { createConnection } from 'node:net';

/** GET http://host:port/ on `agent`; resolves with the status and body (rejects after 2 s). */
export const getBody = (
  agent: Agent,
  host: string,
  port: number,
): Promise<{ readonly status: number; readonly body: string }> =>
  new Promise((resolve, reject) => {
    const req = request({ host, port, path: '/', method: 'GET', agent, timeout: 2_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.once('error', reject);
    });
    req.once('timeout', () => req.destroy(new Error(`GET http://${host}:${port}/ timed out`)));
    req.once('error', reject);
    req.end();
  });

/** A keep-alive agent holding one connection, as a polling client would. */
export const oneConnectionAgent = (): Agent => new Agent({ keepAlive: true, maxSockets: 1 });

/** Sends one command to an HAProxy runtime socket (non-interactive: HAProxy answers and closes). */
export const runtimeCommand = (socketPath: string, command: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let reply = '';
    socket.setEncoding('utf8');
    socket.setTimeout(2_000, () => socket.destroy(new Error(`runtime API: no answer to ${command}`)));
    socket.once('connect', () => socket.write(`${command}\n`));
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.once('end', () => resolve(reply));
    socket.once('error', reject);
  });

/** Times `count` calls of `call`, one after another; returns the durations in ms. */
export const timeEach = async (count: number, call: () => Promise<unknown>): Promise<number[]> => {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const began = performance.now();
    await call();
    samples.push(performance.now() - began);
  }
  return samples;
};
