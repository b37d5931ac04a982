/**
 * The `global` and `defaults` sections: master-worker mode, no health checks anywhere (Berth runs
 * its own), ALB's timeouts (60 s idle) and ALB's error pages. The admin socket and pidfile are the
 * supervisor's (haproxy-layout.ts writes them in a global section of its own).
 */
import { renderErrorPages } from './error-pages.js';

export interface HaproxyRenderOptions {
  /** The secret that dynamic AWSALB cookies hash with each server's address. */
  readonly dynamicCookieKey?: string;
  /** ALB's idle timeout, 60 s by default (also the target response timeout). */
  readonly idleTimeoutSeconds?: number;
  /** How long an old worker may drain after a reload; 1 h by default. */
  readonly hardStopAfterSeconds?: number;
  /** Worker threads; HAProxy's default (one per CPU) when absent. */
  readonly threads?: number;
}

const positiveInteger = (value: number, what: string): number => {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer`);
  return value;
};

export const renderGlobalSection = (options: HaproxyRenderOptions): string[] => {
  const lines = [
    'global',
    '    master-worker',
    '    stats timeout 2m',
    `    hard-stop-after ${positiveInteger(options.hardStopAfterSeconds ?? 3600, 'hardStopAfterSeconds')}s`,
    '    tune.ssl.default-dh-param 2048',
  ];
  if (options.threads !== undefined)
    lines.push(`    nbthread ${positiveInteger(options.threads, 'threads')}`);
  return lines;
};

export const renderDefaultsSection = (options: HaproxyRenderOptions): string[] => {
  const idle = positiveInteger(options.idleTimeoutSeconds ?? 60, 'idleTimeoutSeconds');
  return [
    'defaults',
    '    mode http',
    '    option http-keep-alive',
    // A reload's old worker answers idle keep-alive clients once more before closing, not cutting them.
    '    option idle-close-on-response',
    // A connection closed before any request (a preconnect, a port probe) is no request and no 4XX.
    '    option http-ignore-probes',
    '    timeout connect 10s',
    `    timeout client ${idle}s`,
    `    timeout server ${idle}s`,
    `    timeout http-request ${idle}s`,
    `    timeout http-keep-alive ${idle}s`,
    '    timeout queue 10s',
    ...renderErrorPages(),
  ];
};
