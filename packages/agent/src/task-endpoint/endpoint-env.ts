/**
 * The environment the agent gives every container of a task (the pause container aside), as ECS
 * does: the metadata URIs (v4 and v3), the region, Berth's API endpoint (AWS_ENDPOINT_URL, the
 * agent's forwarder to the control plane, so SDKs and the CLI call Berth), and — only when the
 * task has a task role — the credentials URI with its authorization token.
 */
import type { DesiredTask } from '@berth/wire/agent';

import type { EndpointTokens } from './endpoint-tokens.js';

export interface EndpointLocation {
  /** Where containers reach the endpoint (169.254.170.2, or the fallback). */
  readonly address: string;
  /** The metadata and credentials server's port. */
  readonly port: number;
  /** The API forwarder's port. */
  readonly forwarderPort: number;
}

/** `arn:aws:ecs:<region>:…` → region. */
export const regionOfArn = (arn: string): string => arn.split(':')[3] ?? '';

/** `http://host:port`, brackets around an IPv6 host. */
const origin = (address: string, port: number): string =>
  `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

export const endpointEnv = (
  location: EndpointLocation,
  tokens: EndpointTokens,
  task: DesiredTask,
  containerName: string,
): Record<string, string> => {
  const base = origin(location.address, location.port);
  const token = tokens.containerToken(task.taskArn, containerName);
  const region = regionOfArn(task.taskArn);
  return {
    ECS_CONTAINER_METADATA_URI_V4: `${base}/v4/${token}`,
    ECS_CONTAINER_METADATA_URI: `${base}/v3/${token}`,
    ...(region ? { AWS_REGION: region, AWS_DEFAULT_REGION: region } : {}),
    AWS_ENDPOINT_URL: origin(location.address, location.forwarderPort),
    ...(task.taskRoleArn
      ? {
          AWS_CONTAINER_CREDENTIALS_FULL_URI: `${base}/v2/credentials/${tokens.credentialsId(task.taskArn)}`,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: tokens.authorizationToken(task.taskArn),
        }
      : {}),
  };
};
