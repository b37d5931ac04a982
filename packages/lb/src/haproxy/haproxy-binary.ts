/**
 * Finds Debian's haproxy (/usr/sbin/haproxy, then PATH), reads its version, and validates
 * configuration files with `haproxy -c`, returning HAProxy's own message when they are refused.
 * A missing binary is a clear error naming the package to install.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export interface HaproxyBinary {
  readonly path: string;
  /** e.g. "2.6.12-1+deb12u3". */
  readonly version: string;
}

export class HaproxyNotInstalledError extends Error {
  constructor(searched: readonly string[]) {
    super(
      `HAProxy is not installed (looked for ${searched.join(', ')}). ` +
        "Berth drives Debian's HAProxy 2.6 for load balancers: install it with `apt-get install haproxy`.",
    );
    this.name = 'HaproxyNotInstalledError';
  }
}

export interface LocateHaproxyOptions {
  /** An explicit binary to use instead of searching. */
  readonly path?: string;
  /** The PATH to search after /usr/sbin (default: this process's PATH). */
  readonly searchPath?: string;
  readonly timeoutMs?: number;
}

const DEBIAN_PATH = '/usr/sbin/haproxy';

const run = (file: string, args: readonly string[], timeoutMs: number) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}`));
        return;
      }
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });

const executable = async (path: string): Promise<boolean> => {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export const locateHaproxy = async (options: LocateHaproxyOptions = {}): Promise<HaproxyBinary> => {
  const searchPath = options.searchPath ?? process.env.PATH ?? '';
  const candidates =
    options.path !== undefined
      ? [options.path]
      : [
          DEBIAN_PATH,
          ...searchPath
            .split(delimiter)
            .filter((dir) => dir !== '')
            .map((dir) => join(dir, 'haproxy')),
        ];
  for (const candidate of candidates) {
    if (!(await executable(candidate))) continue;
    const { stdout } = await run(candidate, ['-v'], options.timeoutMs ?? 5000);
    const match = /HAProxy version (\S+)/.exec(stdout);
    if (match?.[1] === undefined)
      throw new Error(`${candidate} -v did not print an HAProxy version: ${stdout}`);
    return { path: candidate, version: match[1] };
  }
  throw new HaproxyNotInstalledError(candidates);
};

export type ConfigValidation = { readonly valid: true } | { readonly valid: false; readonly message: string };

/** `haproxy -c -f <file>…`: the files are read in order, as HAProxy itself would load them. */
export const validateHaproxyConfig = async (
  binary: HaproxyBinary,
  files: readonly string[],
  timeoutMs = 10_000,
): Promise<ConfigValidation> => {
  const args = ['-c', ...files.flatMap((file) => ['-f', file])];
  const { code, stdout, stderr } = await run(binary.path, args, timeoutMs);
  if (code === 0) return { valid: true };
  const output = `${stderr}\n${stdout}`;
  const alerts = output.split('\n').filter((line) => line.includes('[ALERT]'));
  return { valid: false, message: (alerts.length > 0 ? alerts.join('\n') : output).trim() };
};
