/**
 * A small client of HAProxy's runtime API on the worker's admin socket: typed helpers for the
 * server commands Berth uses (show servers state, add/enable/set state/weight/addr, shutdown
 * sessions, del server), `show stat` parsed into rows, and the answering worker's pid. A reply that is not the command's
 * success reply becomes a RuntimeApiError carrying HAProxy's own words.
 */
import type { ServerPlan } from '../model/lb-model.js';
import { formatRuntimeCommand, runtimeReplySucceeded, type RuntimeCommand } from './runtime-command.js';
import { RuntimeSession, sendSocketCommand } from './runtime-socket.js';
import { parseServersState, type ObservedServer } from './servers-state.js';
import type { StatSample } from './stat-counter-deltas.js';
import { parseShowStat, type StatRow } from './stat-csv.js';

export class RuntimeApiError extends Error {
  readonly command: string;
  readonly reply: string;

  constructor(command: string, reply: string) {
    super(`HAProxy refused '${command}': ${reply.trim() || '(empty reply)'}`);
    this.name = 'RuntimeApiError';
    this.command = command;
    this.reply = reply;
  }
}

export interface RuntimeApiOptions {
  /** Deadline of each socket call (default 5000 ms). */
  readonly timeoutMs?: number;
}

export class HaproxyRuntimeApi {
  readonly socketPath: string;
  readonly #timeoutMs: number;

  constructor(socketPath: string, options: RuntimeApiOptions = {}) {
    this.socketPath = socketPath;
    this.#timeoutMs = options.timeoutMs ?? 5000;
  }

  /** Sends one raw command on its own connection. */
  send(command: string): Promise<string> {
    return sendSocketCommand(this.socketPath, command, {
      name: `runtime-api '${command.split(' ').slice(0, 2).join(' ')}'`,
      timeoutMs: this.#timeoutMs,
    });
  }

  /** Opens a pipelined session; close it when done. */
  session(): Promise<RuntimeSession> {
    return RuntimeSession.open(this.socketPath, { name: 'runtime-api session', timeoutMs: this.#timeoutMs });
  }

  /** Runs one typed command, on a session when given; throws RuntimeApiError when refused. */
  async run(command: RuntimeCommand, session?: RuntimeSession): Promise<void> {
    const text = formatRuntimeCommand(command);
    const reply = session === undefined ? await this.send(text) : await session.send(text);
    if (!runtimeReplySucceeded(command, reply)) throw new RuntimeApiError(text, reply);
  }

  async showServersState(backend: string): Promise<readonly ObservedServer[]> {
    const command = `show servers state ${backend}`;
    const reply = await this.send(command);
    if (!reply.startsWith('1\n')) throw new RuntimeApiError(command, reply);
    return parseServersState(reply);
  }

  async showStat(): Promise<readonly StatRow[]> {
    const reply = await this.send('show stat');
    if (!reply.startsWith('# ')) throw new RuntimeApiError('show stat', reply);
    return parseShowStat(reply);
  }

  /** The pid of the worker answering the socket (`show info`), undefined when the reply has none. */
  async workerPid(): Promise<number | undefined> {
    const pid = /^Pid: (\d+)$/m.exec(await this.send('show info'))?.[1];
    return pid === undefined ? undefined : Number(pid);
  }

  /** `show stat` with the worker that answered: what stat counter deltas are computed from. */
  async statSample(): Promise<StatSample> {
    const workerPid = await this.workerPid();
    return { workerPid, rows: await this.showStat() };
  }

  /** Adds a dynamic server; HAProxy 2.6 leaves it in maintenance until enableServer. */
  addServer(backend: string, server: string, address: string, port: number, weight: number): Promise<void> {
    return this.run({ kind: 'add-server', backend, server, address, port, weight });
  }

  enableServer(backend: string, server: string): Promise<void> {
    return this.run({ kind: 'enable-server', backend, server });
  }

  setServerState(backend: string, server: string, state: ServerPlan['state']): Promise<void> {
    return this.run({ kind: 'set-state', backend, server, state });
  }

  setServerWeight(backend: string, server: string, weight: number): Promise<void> {
    return this.run({ kind: 'set-weight', backend, server, weight });
  }

  setServerAddress(backend: string, server: string, address: string, port: number): Promise<void> {
    return this.run({ kind: 'set-addr', backend, server, address, port });
  }

  shutdownSessions(backend: string, server: string): Promise<void> {
    return this.run({ kind: 'shutdown-sessions', backend, server });
  }

  /** Deletes a server; HAProxy requires it in maintenance and without sessions. */
  deleteServer(backend: string, server: string): Promise<void> {
    return this.run({ kind: 'del-server', backend, server });
  }
}
