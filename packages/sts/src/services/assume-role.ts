/**
 * AssumeRole and its service variant: checks the caller (or service principal) against the
 * role's trust policy, then mints an ASIA… key, a secret and a sealed session token. Nothing
 * is written: the token carries the session.
 */
import { ApiError } from '@berth/core';
import type { CallerIdentity } from '@berth/gateway';
import type { IamIds, IamRole, IamUseCases } from '@berth/iam';
import type { AssumeRoleResponse } from '@berth/wire/sts';

import type { SessionTokens } from './session-tokens.js';
import { assumeRoleDenied, constraintError, validationError } from './sts-errors.js';
import { mayAssumeRole, serviceMayAssumeRole } from './trust-evaluation.js';

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MIN_DURATION = 900;
const DEFAULT_DURATION = 3600;

export interface AssumeRoleDeps {
  readonly iam: IamUseCases;
  readonly tokens: SessionTokens;
  readonly ids: IamIds;
  /** Epoch ms. */
  readonly now: () => number;
}

export interface AssumeRoleInput {
  readonly RoleArn?: unknown;
  readonly RoleSessionName?: unknown;
  readonly DurationSeconds?: unknown;
  readonly Policy?: unknown;
  readonly PolicyArns?: unknown;
}

export interface ServiceRoleRequest {
  readonly accountId: string;
  readonly roleArn: string;
  readonly sessionName: string;
  /** e.g. `ecs-tasks.amazonaws.com`. */
  readonly servicePrincipal: string;
  readonly durationSeconds?: number;
  readonly nowMs?: number;
}

export interface ServiceRoleCredentials {
  readonly roleArn: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch seconds. */
  readonly expiration: number;
}

const validSessionName = (value: unknown): string => {
  if (typeof value !== 'string' || !SESSION_NAME.test(value))
    throw constraintError(
      'roleSessionName',
      value,
      value === undefined || (typeof value === 'string' && (value.length < 2 || value.length > 64))
        ? 'Member must have length between 2 and 64'
        : 'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  return value;
};

const validRoleArn = (value: unknown): string => {
  if (typeof value !== 'string' || value.length < 20 || value.length > 2048)
    throw constraintError('roleArn', value, 'Member must have length greater than or equal to 20');
  return value;
};

export class AssumeRole {
  constructor(private readonly deps: AssumeRoleDeps) {}

  private mint(role: IamRole, sessionName: string, expiration: number): ServiceRoleCredentials {
    const accessKeyId = this.deps.ids.uniqueId('ASIA');
    const secretAccessKey = this.deps.ids.secretKey();
    const sessionToken = this.deps.tokens.seal({
      accessKeyId,
      secretAccessKey,
      roleArn: role.arn,
      roleId: role.roleId,
      sessionName,
      accountId: role.accountId,
      expiration,
    });
    return { roleArn: role.arn, accessKeyId, secretAccessKey, sessionToken, expiration };
  }

  assume(identity: CallerIdentity, input: AssumeRoleInput): AssumeRoleResponse {
    const roleArn = validRoleArn(input.RoleArn);
    const sessionName = validSessionName(input.RoleSessionName);
    if (input.Policy !== undefined || input.PolicyArns !== undefined)
      throw validationError('Berth does not support session policies (Policy, PolicyArns) on AssumeRole.');
    const duration = input.DurationSeconds === undefined ? DEFAULT_DURATION : Number(input.DurationSeconds);
    if (!Number.isInteger(duration) || duration < MIN_DURATION)
      throw constraintError(
        'durationSeconds',
        input.DurationSeconds,
        'Member must have value greater than or equal to 900',
      );
    const role = this.deps.iam.roleByArn(roleArn);
    if (role === undefined || !mayAssumeRole(identity, role, () => this.deps.iam.identityPolicies(identity)))
      throw assumeRoleDenied(identity.arn, roleArn);
    if (duration > role.maxSessionDuration)
      throw validationError(
        `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`,
      );
    const expiration = Math.floor(this.deps.now() / 1000) + duration;
    const credentials = this.mint(role, sessionName, expiration);
    return {
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: expiration,
      },
      AssumedRoleUser: {
        AssumedRoleId: `${role.roleId}:${sessionName}`,
        Arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`,
      },
      PackedPolicySize: 0,
    };
  }

  /** Credentials for a service (ECS's agent, for a task role); only the trust policy is checked. */
  forService(request: ServiceRoleRequest): ServiceRoleCredentials {
    const denied = (): ApiError =>
      new ApiError(
        'AccessDeniedException',
        `${request.servicePrincipal} is not authorized to perform sts:AssumeRole on resource: ${request.roleArn}`,
        400,
      );
    const role = this.deps.iam.roleByArn(request.roleArn);
    if (role === undefined || role.accountId !== request.accountId) throw denied();
    if (!serviceMayAssumeRole(request.servicePrincipal, request.accountId, role)) throw denied();
    if (!SESSION_NAME.test(request.sessionName))
      throw new ApiError(
        'ValidationException',
        `Role session name '${request.sessionName}' must match [\\w+=,.@-]{2,64}`,
        400,
      );
    const duration = Math.min(
      Math.max(request.durationSeconds ?? DEFAULT_DURATION, MIN_DURATION),
      role.maxSessionDuration,
    );
    const nowMs = request.nowMs ?? this.deps.now();
    return this.mint(role, request.sessionName, Math.floor(nowMs / 1000) + duration);
  }
}
