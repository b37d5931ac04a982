/**
 * Supervises one HAProxy in master-worker mode inside a directory Berth owns: starts it from a
 * configuration (validated first), adopts one already running there (the control plane may be
 * killed while HAProxy keeps serving), reloads seamlessly (listeners pass to the new worker
 * through `expose-fd listeners`, the old worker drains), and stops it leaving nothing running.
 * HAProxy runs detached from Berth's process group, its output in the directory's log file.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';

import type { HaproxyBinary } from './haproxy-binary.js';
import { validateHaproxyConfig } from './haproxy-binary.js';
import {
  haproxyLayout,
  supervisorGlobalConfig,
  writeFileAtomically,
  type HaproxyLayout,
} from './haproxy-layout.js';
import { pollUntil, processAlive } from './process-liveness.js';
import { HaproxyRuntimeApi } from './runtime-api.js';
import { sendSocketCommand } from './runtime-socket.js';
import { parseShowProc, type ShowProc } from './show-proc.js';

/** util-linux's setpriv (essential on Debian), for the parent-death signal. */
const SETPRIV = '/usr/bin/setpriv';

export class HaproxyConfigRejectedError extends Error {
  constructor(stage: 'start' | 'reload', message: string) {
    super(`HAProxy refused the configuration at ${stage}: ${message}`);
    this.name = 'HaproxyConfigRejectedError';
  }
}

export interface HaproxySupervisorOptions {
  readonly binary: HaproxyBinary;
  readonly directory: string;
  /** Deadline of each master-CLI or admin-socket call (default 2000 ms). */
  readonly socketTimeoutMs?: number;
  /** How long a start or reload may take to show a serving worker (default 10 s). */
  readonly readyTimeoutMs?: number;
  /** How long a soft stop may take before HAProxy is killed (default 10 s). */
  readonly stopTimeoutMs?: number;
  /**
   * HAProxy gets SIGTERM when this process dies, even by SIGKILL (util-linux `setpriv
   * --pdeathsig`), for a server whose data plane must not outlive it (`--in-memory`). Default:
   * HAProxy outlives the server, which adopts it when it starts again.
   */
  readonly diesWithServer?: boolean;
}

export interface StartResult {
  /** True when an HAProxy already running in the directory was adopted. */
  readonly adopted: boolean;
  readonly masterPid: number;
}

export class HaproxySupervisor {
  readonly layout: HaproxyLayout;
  readonly runtimeApi: HaproxyRuntimeApi;
  readonly #binary: HaproxyBinary;
  readonly #socketTimeoutMs: number;
  readonly #readyTimeoutMs: number;
  readonly #stopTimeoutMs: number;
  readonly #diesWithServer: boolean;
  #masterPid: number | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: HaproxySupervisorOptions) {
    this.layout = haproxyLayout(options.directory);
    this.#binary = options.binary;
    this.#socketTimeoutMs = options.socketTimeoutMs ?? 2000;
    this.#readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.#diesWithServer = options.diesWithServer ?? false;
    this.runtimeApi = new HaproxyRuntimeApi(this.layout.adminSocket, { timeoutMs: this.#socketTimeoutMs });
  }

  get masterPid(): number | undefined {
    return this.#masterPid;
  }

  /**
   * Adopts the HAProxy running in the directory, or starts one. An adopted HAProxy is reloaded
   * only when `sameConfig` says its configuration differs (by default: any byte), so that adopting
   * one whose servers alone changed (the caller syncs those) never closes a connection.
   */
  start(
    configText: string,
    sameConfig: (running: string) => boolean = (running) => running === configText,
  ): Promise<StartResult> {
    return this.#serial(async () => {
      // Sockets, pidfile and configuration are HAProxy's and Berth's alone.
      await mkdir(this.layout.directory, { recursive: true, mode: 0o700 });
      const running = await this.#findRunning();
      if (running !== undefined) {
        this.#masterPid = running.masterPid;
        const current = await readFile(this.layout.configFile, 'utf8').catch(() => undefined);
        if (current === undefined || !sameConfig(current)) await this.#reload(configText);
        return { adopted: true, masterPid: running.masterPid };
      }
      await this.#validate(this.layout.configFile, configText, 'start');
      await this.#removeRuntimeFiles();
      await writeFileAtomically(this.layout.globalFile, supervisorGlobalConfig(this.layout));
      const masterPid = this.#spawn();
      this.#masterPid = masterPid;
      await pollUntil('HAProxy to start serving', this.#readyTimeoutMs, async () => {
        if (!processAlive(masterPid)) throw new Error(`HAProxy exited at start: ${await this.logTail()}`);
        const proc = await this.showProc();
        return proc.workers.length > 0 && (await this.#workerAnswers()) ? proc : undefined;
      });
      return { adopted: false, masterPid };
    });
  }

  /** Validates, writes atomically and reloads; resolves once a new worker serves the config. */
  reload(configText: string): Promise<ShowProc> {
    return this.#serial(() => this.#reload(configText));
  }

  /** Soft-stops HAProxy (old connections finish), kills it after the deadline; nothing is left. */
  stop(): Promise<void> {
    return this.#serial(async () => {
      const masterPid = this.#masterPid ?? (await this.#findRunning())?.masterPid;
      if (masterPid === undefined) return;
      const workers = (await this.showProc().catch(() => undefined))?.workers.map((w) => w.pid) ?? [];
      const all = [masterPid, ...workers];
      signal(masterPid, 'SIGUSR1');
      try {
        await pollUntil('HAProxy to stop', this.#stopTimeoutMs, () =>
          all.some(processAlive) ? undefined : true,
        );
      } catch {
        for (const pid of all) signal(pid, 'SIGKILL');
        await pollUntil('HAProxy to die', 5000, () => (all.some(processAlive) ? undefined : true));
      }
      this.#masterPid = undefined;
      await this.#removeRuntimeFiles();
    });
  }

  /** The master CLI's `show proc`. */
  async showProc(): Promise<ShowProc> {
    const reply = await sendSocketCommand(this.layout.masterSocket, 'show proc', {
      name: 'master-cli show proc',
      timeoutMs: this.#socketTimeoutMs,
    });
    return parseShowProc(reply);
  }

  /** The end of HAProxy's log, for error messages. */
  async logTail(lines = 20): Promise<string> {
    const log = await readFile(this.layout.logFile, 'utf8').catch(() => '');
    return log.trimEnd().split('\n').slice(-lines).join('\n');
  }

  async #reload(configText: string): Promise<ShowProc> {
    const masterPid = this.#masterPid;
    if (masterPid === undefined || !processAlive(masterPid))
      throw new Error('HAProxy is not running: start it first');
    await this.#validate(this.layout.candidateFile, configText, 'reload');
    const previousConfig = await readFile(this.layout.configFile, 'utf8');
    const before = await this.showProc();
    await writeFileAtomically(this.layout.configFile, configText);
    // HAProxy 2.6's master re-executes itself on `reload` and closes the connection without a reply.
    await sendSocketCommand(this.layout.masterSocket, 'reload', {
      name: 'master-cli reload',
      timeoutMs: this.#socketTimeoutMs,
    }).catch(() => '');
    const after = await pollUntil('the master to finish reloading', this.#readyTimeoutMs, async () => {
      const proc = await this.showProc();
      return proc.reloads > before.reloads ? proc : undefined;
    });
    if (after.failedReloads > before.failedReloads) {
      await writeFileAtomically(this.layout.configFile, previousConfig);
      throw new HaproxyConfigRejectedError('reload', await this.logTail(5));
    }
    const oldPids = new Set(before.workers.map((worker) => worker.pid));
    return pollUntil('a new HAProxy worker to serve', this.#readyTimeoutMs, async () => {
      const proc = await this.showProc();
      const fresh = proc.workers.find((worker) => worker.reloads === 0 && !oldPids.has(worker.pid));
      return fresh !== undefined && (await this.#workerAnswers(fresh.pid)) ? proc : undefined;
    });
  }

  async #validate(path: string, configText: string, stage: 'start' | 'reload'): Promise<void> {
    await writeFileAtomically(this.layout.globalFile, supervisorGlobalConfig(this.layout));
    await writeFileAtomically(path, configText);
    const result = await validateHaproxyConfig(this.#binary, [this.layout.globalFile, path]);
    if (!result.valid) throw new HaproxyConfigRejectedError(stage, result.message);
    if (path !== this.layout.configFile) await rm(path, { force: true });
  }

  /** The HAProxy whose pidfile names a live master that answers on the master socket. */
  async #findRunning(): Promise<ShowProc | undefined> {
    const pidText = await readFile(this.layout.pidFile, 'utf8').catch(() => undefined);
    const pid = Number(pidText?.trim());
    if (pidText === undefined || !Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return undefined;
    let proc: ShowProc;
    try {
      proc = await this.showProc();
    } catch (error) {
      throw new Error(
        `an HAProxy (pid ${pid}) holds ${this.layout.directory} but its master socket does not answer: ` +
          `${(error as Error).message}; stop it before starting another`,
      );
    }
    if (proc.masterPid !== pid)
      throw new Error(`${this.layout.pidFile} names ${pid} but the master is ${proc.masterPid}`);
    return proc;
  }

  #spawn(): number {
    const log = openSync(this.layout.logFile, 'a');
    try {
      const haproxy = [
        this.#binary.path,
        '-W',
        '-S',
        this.layout.masterSocket,
        '-f',
        this.layout.globalFile,
        '-f',
        this.layout.configFile,
      ];
      // setpriv sets the parent-death signal and execs HAProxy's master in place (same pid).
      const [command = '', ...args] = this.#diesWithServer
        ? [SETPRIV, '--pdeathsig', 'TERM', '--', ...haproxy]
        : haproxy;
      const child = spawn(command, args, {
        cwd: this.layout.directory,
        detached: true,
        stdio: ['ignore', log, log],
      });
      child.unref();
      if (child.pid === undefined) throw new Error(`could not start ${this.#binary.path}`);
      return child.pid;
    } finally {
      closeSync(log);
    }
  }

  /** Whether the admin socket answers, from the given worker when one is named. */
  async #workerAnswers(workerPid?: number): Promise<boolean> {
    const pid = await this.runtimeApi.workerPid();
    return pid !== undefined && (workerPid === undefined || pid === workerPid);
  }

  async #removeRuntimeFiles(): Promise<void> {
    for (const path of [this.layout.masterSocket, this.layout.adminSocket, this.layout.pidFile]) {
      await rm(path, { force: true });
    }
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

const signal = (pid: number, name: NodeJS.Signals): void => {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
};
