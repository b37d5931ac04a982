/**
 * The ports the task endpoint listened on, kept in the agent's state directory: containers carry
 * them in their environment, so a restarted agent listens on the same ones again (when it is told
 * "any free port") to keep answering the containers it adopts.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EndpointPorts {
  readonly port: number;
  readonly forwarderPort: number;
}

const FILE = 'task-endpoint-ports.json';

const isPort = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536;

export const loadEndpointPorts = (stateDir: string): EndpointPorts | undefined => {
  try {
    const parsed = JSON.parse(readFileSync(join(stateDir, FILE), 'utf8')) as Partial<EndpointPorts>;
    return isPort(parsed.port) && isPort(parsed.forwarderPort)
      ? { port: parsed.port, forwarderPort: parsed.forwarderPort }
      : undefined;
  } catch {
    return undefined;
  }
};

export const saveEndpointPorts = (stateDir: string, ports: EndpointPorts): void => {
  mkdirSync(stateDir, { recursive: true });
  const path = join(stateDir, FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(ports));
  renameSync(`${path}.tmp`, path);
};
