/** Starting and stopping the servers the benchmarks talk to, so that none outlives the run. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr), for error messages. */
  readonly output: () => string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const exited = (child: ChildProcess): Promise<void> =>
  hasExited(child) ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * Last resort on an abrupt exit: no child of ours keeps running. Each child leads its own process
 * group (spawned detached), so the whole group goes: nginx's workers do not outlive their master.
 */
export const killAllChildren = (): void => {
  for (const child of live) {
    if (hasExited(child)) continue;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
};

const stopping = new WeakMap<ChildProcess, Promise<void>>();

/** SIGTERM once (a second signal would make `berth` skip its cleanup), SIGKILL after `graceMs`. */
const stopper =
  (child: ChildProcess) =>
  (graceMs = 20_000): Promise<void> => {
    if (hasExited(child)) return Promise.resolve();
    const pending = stopping.get(child);
    if (pending) return pending;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const done = exited(child).then(() => clearTimeout(timer));
    stopping.set(child, done);
    return done;
  };

/** On interruption: stop every child still running, cleanly (Berth then removes its containers). */
export const stopAllChildren = async (): Promise<void> => {
  await Promise.all([...live].map((child) => stopper(child)()));
};

/**
 * Spawns a process and resolves once `ready` matches its stdout, or `probe` succeeds.
 * Rejects (and kills the process) when it exits first or `timeoutMs` passes.
 */
export const spawnUntilReady = async (
  command: string,
  args: readonly string[],
  ready: { readonly line?: RegExp; readonly probe?: () => Promise<boolean> },
  timeoutMs = 60_000,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningProcess & { readonly match: RegExpMatchArray | undefined }> => {
  // Own process group: a Ctrl-C in the terminal reaches only the bench, which then stops its
  // children with one SIGTERM (a second signal would make `berth` skip its cleanup).
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    live.delete(child);
    spawnError = error;
  });
  let stdout = '';
  let all = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    all += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    all += chunk.toString();
  });
  const stop = stopper(child);
  const deadline = performance.now() + timeoutMs;
  const name = `${command} ${args.slice(0, 2).join(' ')}`;
  try {
    for (;;) {
      if (spawnError) throw new Error(`${command} could not be started: ${spawnError.message}`);
      if (hasExited(child))
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${all}`);
      const match = ready.line ? stdout.match(ready.line) : undefined;
      if (match) return { child, output: () => all, stop, match };
      if (ready.probe && (await ready.probe())) return { child, output: () => all, stop, match: undefined };
      if (performance.now() > deadline) throw new Error(`${name} not ready in ${timeoutMs} ms:\n${all}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } catch (error) {
    await stop(2_000);
    throw error;
  }
};

/**
 * Runs a command to its end (stopped with SIGTERM, then SIGKILL, after `timeoutMs`), tracked like
 * the servers so that Ctrl-C or an abrupt exit stops it too; resolves with its exit code and output.
 */
export const runToEnd = (
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ readonly code: number | null; readonly output: string }> => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => void stopper(child)(2_000), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      live.delete(child);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ code, output });
    });
  });
};
