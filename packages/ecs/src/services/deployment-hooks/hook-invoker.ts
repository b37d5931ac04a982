/**
 * Invokes a Berth-local lifecycle hook target (hook-target.ts) and turns what happens into a
 * verdict; it never throws. A URL gets the payload POSTed as JSON and must answer 2xx with the
 * hook's JSON (see hook-payload.ts). A command gets the payload on stdin, without a shell; exit 0
 * with nothing on stdout is SUCCEEDED, otherwise stdout is the hook's JSON; a non-zero exit is
 * FAILED. Both are cut off after the timeout (the command killed).
 */
import { execFile } from 'node:child_process';

import { parseHookResponse, type HookPayload, type HookVerdict } from './hook-payload.js';
import type { HookTarget } from './hook-target.js';

export interface LifecycleHookInvoker {
  invoke(target: HookTarget, payload: HookPayload): Promise<HookVerdict>;
}

const failed = (reason: string): HookVerdict => ({ status: 'FAILED', reason });

const invokeUrl = async (url: string, payload: HookPayload, timeoutMs: number): Promise<HookVerdict> => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) return failed(`HTTP ${response.status} from ${url}`);
    return parseHookResponse(text);
  } catch (error) {
    return failed(`${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

const invokeCommand = (path: string, payload: HookPayload, timeoutMs: number): Promise<HookVerdict> =>
  new Promise((resolve) => {
    const child = execFile(
      path,
      [],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, shell: false },
      (error, stdout, stderr) => {
        if (error) {
          const code = typeof error.code === 'number' ? `exit code ${error.code}` : error.message;
          resolve(
            failed(
              `${path}: ${error.killed ? 'timed out' : code}${stderr ? `: ${stderr.slice(0, 200)}` : ''}`,
            ),
          );
          return;
        }
        resolve(
          stdout.trim() === ''
            ? { status: 'SUCCEEDED', reason: `${path} exited 0` }
            : parseHookResponse(stdout),
        );
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(JSON.stringify(payload));
  });

export const createLifecycleHookInvoker = (
  options: { readonly timeoutMs?: number } = {},
): LifecycleHookInvoker => {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    invoke: async (target, payload) => {
      if (target.kind === 'url') return invokeUrl(target.url, payload, timeoutMs);
      if (target.kind === 'command') return invokeCommand(target.path, payload, timeoutMs);
      return failed(target.message);
    },
  };
};
