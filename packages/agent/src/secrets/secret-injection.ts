/**
 * The engine's door to secrets: at task start (`prepare`) it resolves the task's secrets,
 * environment files and registry credentials (task-secrets.ts) and writes each container's hidden
 * variables to its directory (secret-files.ts); a container with any is then created through the
 * launcher (launcher.ts). `remove` drops the task's values. A failed prepare leaves nothing behind.
 */
import { readFile } from 'node:fs/promises';

import type { DesiredTask } from '@berth/wire/agent';

import type { TaskCredentialSource } from '../credentials/task-credential-source.js';
import type { SecretFiles } from './secret-files.js';
import type { SecretStore } from './secret-store.js';
import { checkStaticBusybox } from './static-busybox.js';
import { resolveTaskSecrets, type RepositoryAuth } from './task-secrets.js';

export interface PreparedContainer {
  /** The host directory of its hidden variables (absent: it has none and is created as ever). */
  readonly hostDir?: string;
  readonly repositoryAuth?: RepositoryAuth;
}

export interface SecretInjectionOptions {
  /** The task roles' credentials (absent: a task that needs its execution role fails to start). */
  readonly credentials?: TaskCredentialSource;
  readonly store: SecretStore;
  readonly files: SecretFiles;
  /** The host's static busybox (Debian busybox-static: /bin/busybox). */
  readonly busybox: string;
  /** The agent's region (for a task ARN without one). */
  readonly region: string;
  readonly readFile?: (path: string) => Promise<string>;
}

export const DEFAULT_BUSYBOX = '/bin/busybox';

export class SecretInjection {
  constructor(private readonly options: SecretInjectionOptions) {}

  get busybox(): string {
    return this.options.busybox;
  }

  /** Container name → what it gets; containers with nothing are absent. */
  async prepare(task: DesiredTask): Promise<Map<string, PreparedContainer>> {
    const o = this.options;
    try {
      const resolved = await resolveTaskSecrets(
        {
          ...(o.credentials ? { credentials: o.credentials } : {}),
          store: o.store,
          readFile: o.readFile ?? ((path) => readFile(path, 'utf8')),
          region: o.region,
        },
        task,
      );
      const prepared = new Map<string, PreparedContainer>();
      if ([...resolved.values()].some((c) => c.hidden.size > 0)) await checkStaticBusybox(o.busybox);
      for (const [name, c] of resolved) {
        const hostDir = c.hidden.size > 0 ? await o.files.write(task.taskArn, name, c.hidden) : undefined;
        prepared.set(name, {
          ...(hostDir === undefined ? {} : { hostDir }),
          ...(c.repositoryAuth ? { repositoryAuth: c.repositoryAuth } : {}),
        });
      }
      return prepared;
    } catch (error) {
      await this.remove(task.taskArn);
      throw error;
    }
  }

  /** Drops the task's values (its containers no longer start, or it failed to). */
  async remove(taskArn: string): Promise<void> {
    await this.options.files.remove(taskArn);
  }

  /** Drops the values of every task but those `keep()` names (asked before each removal). */
  async prune(keep: () => Iterable<string>): Promise<void> {
    await this.options.files.prune(keep);
  }

  /** At task cleanup the values go (the agent forgets cached role credentials when the task leaves it). */
  async cleanup(taskArn: string): Promise<void> {
    await this.remove(taskArn);
  }
}
