/**
 * Where the agent reads secrets: Secrets Manager's GetSecretValue and SSM's GetParameters
 * (WithDecryption) on the control plane's endpoint, signed with the task execution role's
 * temporary credentials (session token included) for `secretsmanager` / `ssm` in the region asked.
 * A call that failed in transit or with a 5xx is tried once more; a refusal is final.
 */
import type { GetSecretValueRequest, GetSecretValueResponse } from '@berth/wire/secretsmanager';
import type { GetParametersRequest, GetParametersResult } from '@berth/wire/ssm';

import type { TemporaryCredentials } from '../credentials/task-credential-source.js';
import {
  ControlPlaneError,
  type AgentCredentials,
  type ControlPlaneClient,
} from '../session/control-plane-client.js';

export interface SecretStore {
  getSecretValue(
    credentials: TemporaryCredentials,
    region: string,
    request: GetSecretValueRequest,
  ): Promise<GetSecretValueResponse>;
  getParameters(
    credentials: TemporaryCredentials,
    region: string,
    request: GetParametersRequest,
  ): Promise<GetParametersResult>;
}

/** A secret call that takes longer fails the task's start. */
const CALL_TIMEOUT_MS = 15_000;

export type ClientFactory = (
  credentials: AgentCredentials,
  region: string,
  signingName: 'secretsmanager' | 'ssm',
) => ControlPlaneClient;

/** A refusal (4xx) is final; a transport failure or a 5xx is tried once more, as the AWS SDKs would. */
const retriedOnce = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ControlPlaneError && error.status < 500) throw error;
    return call();
  }
};

const signingCredentials = (c: TemporaryCredentials): AgentCredentials => ({
  accessKeyId: c.accessKeyId,
  secretAccessKey: c.secretAccessKey,
  sessionToken: c.sessionToken,
});

export class ControlPlaneSecretStore implements SecretStore {
  constructor(private readonly clientFor: ClientFactory) {}

  getSecretValue(
    credentials: TemporaryCredentials,
    region: string,
    request: GetSecretValueRequest,
  ): Promise<GetSecretValueResponse> {
    const client = this.clientFor(signingCredentials(credentials), region, 'secretsmanager');
    return retriedOnce(() => client.call('secretsmanager.GetSecretValue', request, CALL_TIMEOUT_MS));
  }

  getParameters(
    credentials: TemporaryCredentials,
    region: string,
    request: GetParametersRequest,
  ): Promise<GetParametersResult> {
    const client = this.clientFor(signingCredentials(credentials), region, 'ssm');
    return retriedOnce(() => client.call('AmazonSSM.GetParameters', request, CALL_TIMEOUT_MS));
  }
}
