/**
 * Answers `/v2/credentials/<id>`: the task role's temporary credentials, in the shape the AWS
 * SDKs' container credential providers read (botocore's ContainerMetadataFetcher, the JS SDK's
 * fromContainerMetadata). The request must carry the task's AWS_CONTAINER_AUTHORIZATION_TOKEN in
 * `Authorization`, compared in constant time.
 */
import type { TaskCredentialSource } from '../credentials/task-credential-source.js';
import type { TaskState } from '../engine/task-state.js';
import { findCredentialsTask } from './endpoint-lookup.js';
import { sameSecret, type EndpointTokens } from './endpoint-tokens.js';
import { errorResponse, json, type EndpointResponse } from './endpoint-response.js';

export interface CredentialsDeps {
  readonly tasks: () => readonly Readonly<TaskState>[];
  readonly tokens: EndpointTokens;
  readonly credentials: TaskCredentialSource;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/** ISO-8601 without milliseconds, as ECS writes Expiration. */
const expiration = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'InternalServerException';
};

export const handleCredentials = async (
  deps: CredentialsDeps,
  id: string,
  authorization: string | undefined,
): Promise<EndpointResponse> => {
  const task = findCredentialsTask(deps.tasks(), deps.tokens, id);
  if (!task) return errorResponse(400, 'InvalidIdInRequest', 'CredentialsV2Request: Credentials not found');
  if (authorization === undefined || authorization === '') {
    return errorResponse(401, 'NoAuthorizationToken', 'The request has no Authorization header.');
  }
  if (!sameSecret(authorization, deps.tokens.authorizationToken(task.desired.taskArn))) {
    return errorResponse(403, 'InvalidAuthorizationToken', 'The Authorization header does not match.');
  }
  try {
    const c = await deps.credentials.credentialsFor(task.desired, 'task');
    return json(200, {
      RoleArn: c.roleArn,
      AccessKeyId: c.accessKeyId,
      SecretAccessKey: c.secretAccessKey,
      Token: c.sessionToken,
      Expiration: expiration(c.expiresAt),
    });
  } catch (error) {
    deps.log('could not get task role credentials', { taskArn: task.desired.taskArn, error: String(error) });
    return errorResponse(500, codeOf(error), error instanceof Error ? error.message : String(error));
  }
};
