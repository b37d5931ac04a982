/**
 * Fakes for secret resolution: a task credential source issuing fixed execution-role credentials,
 * and a Secrets Manager / SSM store serving values from maps, refusing what it is told to refuse
 * and recording every call with the credentials it was signed with.
 */
import type { DesiredTask } from '@berth/wire/agent';
import type { GetSecretValueRequest, GetSecretValueResponse } from '@berth/wire/secretsmanager';
import type { GetParametersRequest, GetParametersResult } from '@berth/wire/ssm';

import type { TaskCredentialSource, TemporaryCredentials } from '../credentials/task-credential-source.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { ControlPlaneError } from '../session/control-plane-client.js';

export const EXECUTION_ROLE = 'arn:aws:iam::000000000000:role/exec';

export class FakeCredentials implements TaskCredentialSource {
  readonly asked: { taskArn: string; role: string }[] = [];
  readonly released: string[] = [];
  refuse: string | undefined;

  credentialsFor(task: DesiredTask, role: 'task' | 'execution'): Promise<TemporaryCredentials> {
    this.asked.push({ taskArn: task.taskArn, role });
    if (this.refuse !== undefined)
      return Promise.reject(new ControlPlaneError('AccessDeniedException', this.refuse, 400));
    return Promise.resolve({
      roleArn: task.executionRoleArn ?? '',
      accessKeyId: 'ASIAEXECUTION',
      secretAccessKey: 'secret',
      sessionToken: 'session-token',
      expiresAt: Date.now() + 3600_000,
    });
  }

  release(taskArn: string): void {
    this.released.push(taskArn);
  }
}

export interface RecordedSecretCall {
  readonly op: 'GetSecretValue' | 'GetParameters';
  readonly region: string;
  readonly sessionToken: string;
  readonly request: GetSecretValueRequest | GetParametersRequest;
}

export class FakeSecretStore implements SecretStore {
  readonly calls: RecordedSecretCall[] = [];
  /** SecretId[|stage][|id] or SecretId → SecretString. */
  readonly secrets = new Map<string, string>();
  /** Name or ARN → value. */
  readonly parameters = new Map<string, string>();
  /** SecretId / parameter name → [code, message] the call is refused with. */
  readonly refusals = new Map<string, [string, string]>();

  getSecretValue(
    credentials: TemporaryCredentials,
    region: string,
    request: GetSecretValueRequest,
  ): Promise<GetSecretValueResponse> {
    this.calls.push({ op: 'GetSecretValue', region, sessionToken: credentials.sessionToken, request });
    const refused = this.refusals.get(request.SecretId);
    if (refused) return Promise.reject(new ControlPlaneError(refused[0], refused[1], 400));
    const versioned = [request.SecretId, request.VersionStage ?? '', request.VersionId ?? ''].join('|');
    const value = this.secrets.get(versioned) ?? this.secrets.get(request.SecretId);
    if (value === undefined)
      return Promise.reject(
        new ControlPlaneError(
          'ResourceNotFoundException',
          "Secrets Manager can't find the specified secret.",
          400,
        ),
      );
    return Promise.resolve({ ARN: request.SecretId, SecretString: value });
  }

  getParameters(
    credentials: TemporaryCredentials,
    region: string,
    request: GetParametersRequest,
  ): Promise<GetParametersResult> {
    this.calls.push({ op: 'GetParameters', region, sessionToken: credentials.sessionToken, request });
    for (const name of request.Names) {
      const refused = this.refusals.get(name);
      if (refused) return Promise.reject(new ControlPlaneError(refused[0], refused[1], 400));
    }
    const found = request.Names.filter((n) => this.parameters.has(n));
    return Promise.resolve({
      Parameters: found.map((n) => ({ Name: n, Value: this.parameters.get(n) ?? '' })),
      InvalidParameters: request.Names.filter((n) => !this.parameters.has(n)),
    });
  }
}
