/**
 * The host side of hidden variables: one directory per container, `<root>/<task id>/<container>/`,
 * holding one file per variable (named after it, the value as its content). `root` sits in the
 * agent's run directory (`/run/berth/secrets` by default: /run is a tmpfs on Linux, so values
 * never reach a disk and do not survive a reboot). `root` and the task directories are 0700 (no
 * other host user can reach the values); files are 0444 so any user in the container can read them
 * through the read-only bind mount. A task's directory goes when its containers stop for good (the
 * task is STOPPED or cleaned up) or it fails to start; after an agent restart, those of tasks no
 * longer wanted go with their containers (`prune`). `root` belongs to one agent.
 */
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

/** A path segment for a task ARN's id (or a hash of the ARN when the id is no safe name). */
const taskSegment = (taskArn: string): string => {
  const id = taskArn.split('/').at(-1) ?? '';
  return SAFE_SEGMENT.test(id) ? id : createHash('sha256').update(taskArn).digest('hex').slice(0, 32);
};

const containerSegment = (name: string): string =>
  SAFE_SEGMENT.test(name) ? name : createHash('sha256').update(name).digest('hex').slice(0, 32);

/** The directory of one agent's values, `<run dir>/secrets/<hash of its ARN>` (agents share a host). */
export const agentSecretsRoot = (runDir: string, owner: string): string =>
  join(runDir, 'secrets', createHash('sha256').update(owner).digest('hex').slice(0, 16));

export class SecretFiles {
  constructor(readonly root: string) {}

  taskDir(taskArn: string): string {
    return join(this.root, taskSegment(taskArn));
  }

  containerDir(taskArn: string, containerName: string): string {
    return join(this.taskDir(taskArn), containerSegment(containerName));
  }

  /**
   * Writes the container's variables (replacing each file atomically, so a directory already
   * mounted by an adopted container keeps its identity) and removes files no longer wanted.
   * Returns the directory.
   */
  async write(taskArn: string, containerName: string, values: ReadonlyMap<string, string>): Promise<string> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await chmod(this.root, 0o700);
    await mkdir(this.taskDir(taskArn), { recursive: true, mode: 0o700 });
    const dir = this.containerDir(taskArn, containerName);
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await chmod(dir, 0o755);
    for (const [name, value] of values) {
      const temporary = join(dir, `.${name}.tmp`);
      await rm(temporary, { force: true });
      await writeFile(temporary, value, { mode: 0o444, flag: 'wx' });
      await rename(temporary, join(dir, name));
    }
    for (const entry of await readdir(dir))
      if (!values.has(entry)) await rm(join(dir, entry), { force: true, recursive: true });
    return dir;
  }

  /**
   * Removes the directories of every task but those `keep()` names (values left by tasks that
   * ended while the agent was away); `keep` is asked again before each removal, so a task that
   * arrived meanwhile keeps its values.
   */
  async prune(keep: () => Iterable<string>): Promise<void> {
    let entries: string[];
    try {
      entries = await readdir(this.root);
    } catch {
      return;
    }
    for (const entry of entries)
      if (![...keep()].some((arn) => taskSegment(arn) === entry))
        await rm(join(this.root, entry), { recursive: true, force: true });
  }

  /** Removes every task's values and the root itself (the agent stopped its tasks, or is gone). */
  async removeAll(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  /** Removes the task's directory (every container's values); nothing there is fine. */
  async remove(taskArn: string): Promise<void> {
    await rm(this.taskDir(taskArn), { recursive: true, force: true });
  }
}
