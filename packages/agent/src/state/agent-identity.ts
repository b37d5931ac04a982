/**
 * The agent's identity across restarts: its container instance ARN and instance id, kept in its
 * state directory so a restarted agent re-registers as the same instance and re-adopts its tasks.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AgentIdentity {
  readonly instanceId: string;
  readonly containerInstanceArn?: string;
  readonly clusterArn?: string;
  /** The address block its awsvpc tasks had, to keep it across restarts. */
  readonly addressBlock?: string;
}

const FILE = 'agent-identity.json';

export const loadIdentity = (stateDir: string): AgentIdentity => {
  try {
    return JSON.parse(readFileSync(join(stateDir, FILE), 'utf8')) as AgentIdentity;
  } catch {
    return { instanceId: `i-${randomBytes(9).toString('hex').slice(0, 17)}` };
  }
};

export const saveIdentity = (stateDir: string, identity: AgentIdentity): void => {
  mkdirSync(stateDir, { recursive: true });
  const path = join(stateDir, FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(identity, null, 2));
  renameSync(`${path}.tmp`, path);
};
