/**
 * One HTTP(S) health check: GET protocol://host:port/path with a deadline, judged by the target
 * group's success-code matcher. Never throws: every failure is described in the result. Like
 * ALB, it does not verify a target's TLS certificate.
 */
import http from 'node:http';
import https from 'node:https';

import type { HttpCodePredicate } from './matcher.js';
import type { CheckOutcome } from './target-health-state.js';

export interface HttpProbeRequest {
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly timeoutMs: number;
  readonly matcher: HttpCodePredicate;
}

export interface HttpProbeResult {
  readonly ok: boolean;
  readonly statusCode?: number;
  readonly timedOut?: boolean;
  readonly error?: string;
}

export type HttpProber = (request: HttpProbeRequest) => Promise<HttpProbeResult>;

export const probeHttp: HttpProber = (request) =>
  new Promise((resolve) => {
    const signal = AbortSignal.timeout(request.timeoutMs);
    const options = {
      host: request.host,
      port: request.port,
      path: request.path,
      method: 'GET',
      signal,
      agent: false,
      headers: { 'user-agent': 'ELB-HealthChecker/2.0', connection: 'close' },
    } as const;
    const onResponse = (response: http.IncomingMessage): void => {
      const statusCode = response.statusCode ?? 0;
      response.resume();
      response.once('end', () => resolve({ ok: request.matcher(statusCode), statusCode }));
      response.once('error', () => resolve({ ok: request.matcher(statusCode), statusCode }));
    };
    const outgoing =
      request.protocol === 'HTTPS'
        ? https.request({ ...options, rejectUnauthorized: false }, onResponse)
        : http.request(options, onResponse);
    outgoing.once('error', (error) => {
      if (signal.aborted) resolve({ ok: false, timedOut: true, error: 'Request timed out' });
      else resolve({ ok: false, error: error.message });
    });
    outgoing.end();
  });

/** The state machine's view of a probe's result. */
export const checkOutcomeOf = (result: HttpProbeResult): CheckOutcome => {
  if (result.ok) return { kind: 'pass' };
  if (result.timedOut === true) return { kind: 'timeout' };
  if (result.statusCode !== undefined) return { kind: 'code-mismatch', statusCode: result.statusCode };
  return { kind: 'connection-error' };
};
