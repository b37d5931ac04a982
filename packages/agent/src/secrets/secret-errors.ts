/**
 * The failure texts of secret, registry-auth and environment-file retrieval, worded as ECS words
 * them (the task stops with TaskFailedToStart and `ResourceInitializationError: <text>`).
 */
import { ControlPlaneError } from '../session/control-plane-client.js';
import { RuntimeError } from '../runtime/runtime-error.js';

const RETRIEVAL = 'unable to pull secrets or registry auth: execution resource retrieval failed';
const RETRIED = 'service call has been retried 1 time(s)';

/** `<Code>: <message>` of a failed call (a control-plane error), or the error's own message. */
export const callFailure = (error: unknown): string =>
  error instanceof ControlPlaneError
    ? `${error.code}: ${error.message.slice(error.code.length + 2)}`
    : error instanceof Error
      ? error.message
      : String(error);

const failure = (text: string): RuntimeError => new RuntimeError('ResourceInitializationError', text);

export const retrievalError = (text: string): RuntimeError => failure(`${RETRIEVAL}: ${text}`);

export const asmError = (text: string): RuntimeError =>
  retrievalError(`unable to retrieve secret from asm: ${RETRIED}: ${text}`);

export const asmFetchError = (secretId: string, error: unknown): RuntimeError =>
  asmError(`failed to fetch secret ${secretId} from secrets manager: ${callFailure(error)}`);

export const ssmError = (text: string): RuntimeError =>
  retrievalError(`unable to retrieve secrets from ssm: ${RETRIED}: ${text}`);

export const registryAuthError = (secretId: string, text: string): RuntimeError =>
  asmError(`asm fetching secret from the service for ${secretId}: ${text}`);

/** The task has secrets (or registry credentials) but no execution role to fetch them with. */
export const noExecutionRoleError = (service: 'ASM' | 'SSM'): RuntimeError =>
  retrievalError(
    `${service} secret resource: unable to find execution role credentials: When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.`,
  );

export const executionCredentialsError = (error: unknown): RuntimeError =>
  retrievalError(`unable to get execution role credentials: ${callFailure(error)}`);

export const envFileError = (text: string): RuntimeError => failure(`failed to download env files: ${text}`);

export const injectionError = (text: string): RuntimeError => failure(text);
