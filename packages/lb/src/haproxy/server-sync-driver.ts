/**
 * Applies Berth's server plans to a running HAProxy through the runtime API: reads each
 * backend's servers, computes the pure diff (server-sync.ts) and sends it on one pipelined
 * session. After a reload every backend is re-synced, because dynamic servers, admin states and
 * runtime weights do not survive one.
 */
import { backendName, type TargetGroupPlan } from '../model/lb-model.js';
import { setTimeout as sleep } from 'node:timers/promises';

import { RuntimeApiError, type HaproxyRuntimeApi } from './runtime-api.js';
import type { RuntimeCommand } from './runtime-command.js';
import type { RuntimeSession } from './runtime-socket.js';
import { planServerSync } from './server-sync.js';

const DEL_ATTEMPTS = 20;
const DEL_RETRY_MS = 100;

export interface BackendSyncResult {
  readonly backend: string;
  readonly commands: readonly RuntimeCommand[];
}

export class ServerSyncDriver {
  readonly #api: HaproxyRuntimeApi;

  constructor(api: HaproxyRuntimeApi) {
    this.#api = api;
  }

  /** Makes one target group's backend match its plan; returns the commands it sent. */
  async syncTargetGroup(targetGroup: TargetGroupPlan): Promise<BackendSyncResult> {
    const backend = backendName(targetGroup.id);
    const observed = await this.#api.showServersState(backend);
    const commands = planServerSync(
      backend,
      observed,
      targetGroup.servers,
      targetGroup.stickiness?.type === 'lb_cookie',
    );
    if (commands.length > 0) {
      const session = await this.#api.session();
      try {
        for (const command of commands) await this.#run(command, session);
      } finally {
        session.close();
      }
    }
    return { backend, commands };
  }

  /** Runs a command; a `del server` refused for connections still closing is retried briefly. */
  async #run(command: RuntimeCommand, session: RuntimeSession): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#api.run(command, session);
        return;
      } catch (error) {
        const busy = error instanceof RuntimeApiError && /connection|session/i.test(error.reply);
        if (command.kind !== 'del-server' || !busy || attempt >= DEL_ATTEMPTS) throw error;
        await sleep(DEL_RETRY_MS);
      }
    }
  }

  /** Re-applies every target group (call it after each reload). */
  async syncAll(targetGroups: readonly TargetGroupPlan[]): Promise<readonly BackendSyncResult[]> {
    const results: BackendSyncResult[] = [];
    for (const targetGroup of targetGroups) results.push(await this.syncTargetGroup(targetGroup));
    return results;
  }
}
