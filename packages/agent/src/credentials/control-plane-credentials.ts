/**
 * The agent's one TaskCredentialSource: GetTaskCredentials on the control plane, for the instance
 * (or managed host) the agent registered as, cached (task-credentials-cache.ts). The task endpoint
 * serves its task-role credentials; what needs a task's execution role asks it too.
 */
import {
  AGENT_TARGET_PREFIX,
  type GetTaskCredentialsRequest,
  type GetTaskCredentialsResponse,
} from '@berth/wire/agent';

import type { ControlPlaneClient } from '../session/control-plane-client.js';
import { TaskCredentialsCache } from './task-credentials-cache.js';

const CREDENTIALS_CALL_TIMEOUT_MS = 30_000;

export const controlPlaneCredentials = (
  client: Pick<ControlPlaneClient, 'call'>,
  containerInstanceArn: () => string,
): TaskCredentialsCache =>
  new TaskCredentialsCache({
    fetch: (request: GetTaskCredentialsRequest) =>
      client.call<GetTaskCredentialsResponse>(
        `${AGENT_TARGET_PREFIX}.GetTaskCredentials`,
        request,
        CREDENTIALS_CALL_TIMEOUT_MS,
      ),
    containerInstanceArn,
    now: Date.now,
  });
