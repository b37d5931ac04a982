/**
 * The task endpoint's unguessable names, derived (HMAC-SHA256) from a per-agent secret kept in the
 * agent's state directory: a container's metadata token from its task ARN and name, a task's
 * credentials id and authorization token from its ARN. Derived rather than stored, so an agent that
 * restarts and adopts running containers still answers the URIs and token in their environment.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'task-endpoint-secret';
const SECRET_BYTES = 32;

/** Reads the agent's secret, creating it (mode 0600) on first use. */
export const loadEndpointSecret = (stateDir: string): Buffer => {
  const path = join(stateDir, FILE);
  try {
    const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (secret.length === SECRET_BYTES) return secret;
  } catch {
    // not there yet: create it below
  }
  const secret = randomBytes(SECRET_BYTES);
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(`${path}.tmp`, secret.toString('hex'), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return secret;
};

/** Equal strings, compared in constant time (for the authorization token). */
export const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export class EndpointTokens {
  constructor(private readonly secret: Buffer) {}

  /** The path segment of a container's metadata URIs (`/v4/<token>`). */
  containerToken(taskArn: string, containerName: string): string {
    return this.derive('metadata', taskArn, containerName).slice(0, 40);
  }

  /** The task's `/v2/credentials/<id>`. */
  credentialsId(taskArn: string): string {
    return this.derive('credentials-id', taskArn).slice(0, 40);
  }

  /** The task's AWS_CONTAINER_AUTHORIZATION_TOKEN. */
  authorizationToken(taskArn: string): string {
    return this.derive('authorization', taskArn);
  }

  private derive(...parts: string[]): string {
    return createHmac('sha256', this.secret).update(JSON.stringify(parts)).digest('base64url');
  }
}
