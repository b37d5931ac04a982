/**
 * The agent's TaskCredentialSource: the control plane's GetTaskCredentials, cached per task and
 * role. Credentials are reused until less than a fifth of their lifetime, or less than five
 * minutes, remains; then the next caller fetches new ones. Callers asking while a fetch is under
 * way share it. Failures are not cached: they reach every caller of that fetch, and the next call
 * tries again.
 */
import type { DesiredTask, GetTaskCredentialsRequest, GetTaskCredentialsResponse } from '@berth/wire/agent';

import type { TaskCredentialSource, TemporaryCredentials } from './task-credential-source.js';

/** Refresh once less than this share of the lifetime remains… */
export const REFRESH_SHARE = 0.2;
/** …or less than this (ms). */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface TaskCredentialsCacheOptions {
  /** BerthAgentV1.GetTaskCredentials on the control plane. */
  readonly fetch: (request: GetTaskCredentialsRequest) => Promise<GetTaskCredentialsResponse>;
  /** The container instance (or managed host) ARN the tasks run on. */
  readonly containerInstanceArn: () => string;
  /** Epoch ms. */
  readonly now: () => number;
}

interface Cached {
  readonly credentials: TemporaryCredentials;
  readonly fetchedAt: number;
}

interface Entry {
  cached: Cached | undefined;
  pending: Promise<TemporaryCredentials> | undefined;
}

const roleArnOf = (task: DesiredTask, role: 'task' | 'execution'): string | undefined =>
  role === 'task' ? task.taskRoleArn : task.executionRoleArn;

/** Whether credentials fetched at `fetchedAt` should be replaced at `now`. */
export const needsRefresh = (cached: Cached, now: number): boolean => {
  const lifetime = cached.credentials.expiresAt - cached.fetchedAt;
  const remaining = cached.credentials.expiresAt - now;
  return remaining < REFRESH_MARGIN_MS || remaining < lifetime * REFRESH_SHARE;
};

export class NoTaskRoleError extends Error {
  constructor(taskArn: string, role: 'task' | 'execution') {
    super(`The task ${taskArn} has no ${role === 'task' ? 'task role' : 'task execution role'}.`);
    this.name = 'NoTaskRoleError';
  }
}

export class TaskCredentialsCache implements TaskCredentialSource {
  /** taskArn → `<role>\0<roleArn>` → entry. */
  private readonly tasks = new Map<string, Map<string, Entry>>();

  constructor(private readonly options: TaskCredentialsCacheOptions) {}

  credentialsFor(task: DesiredTask, role: 'task' | 'execution'): Promise<TemporaryCredentials> {
    const roleArn = roleArnOf(task, role);
    if (!roleArn) return Promise.reject(new NoTaskRoleError(task.taskArn, role));
    const entries = this.tasks.get(task.taskArn) ?? new Map<string, Entry>();
    this.tasks.set(task.taskArn, entries);
    const key = `${role}\0${roleArn}`;
    const entry = entries.get(key) ?? { cached: undefined, pending: undefined };
    entries.set(key, entry);
    if (entry.cached && !needsRefresh(entry.cached, this.options.now())) {
      return Promise.resolve(entry.cached.credentials);
    }
    entry.pending ??= this.fetch(task.taskArn, role, entry);
    return entry.pending;
  }

  release(taskArn: string): void {
    this.tasks.delete(taskArn);
  }

  private async fetch(
    taskArn: string,
    role: 'task' | 'execution',
    entry: Entry,
  ): Promise<TemporaryCredentials> {
    try {
      const fetchedAt = this.options.now();
      const response = await this.options.fetch({
        containerInstanceArn: this.options.containerInstanceArn(),
        taskArn,
        role,
      });
      const credentials: TemporaryCredentials = {
        roleArn: response.roleArn,
        accessKeyId: response.accessKeyId,
        secretAccessKey: response.secretAccessKey,
        sessionToken: response.sessionToken,
        expiresAt: response.expiration * 1000,
      };
      entry.cached = { credentials, fetchedAt };
      return credentials;
    } finally {
      entry.pending = undefined;
    }
  }
}
