/**
 * What an API package gives the gateway: its protocol model (routing metadata and shapes) and one
 * typed handler per operation. Handlers see decoded input and return output objects; they never
 * see HTTP, bytes or the protocol.
 */
import type { Partition } from '@berth/core';
import type { ServiceModel } from '@berth/wire';

import type { CallerIdentity } from './auth/caller-identity.js';

/** What an operation acts on, for IAM: resource ARNs and service condition keys. */
export interface OperationAuthorization {
  /** The ARNs the call acts on; `['*']` for actions without resource-level permissions. */
  readonly resources: readonly string[];
  /** Service-specific condition keys, e.g. `{ 'ecs:cluster': '<cluster ARN>' }`. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** Who is calling, where, and when: built once per request by the gateway. */
export interface RequestContext {
  readonly requestId: string;
  readonly partition: Partition;
  readonly accessKeyId: string;
  /** The ARN of the calling principal, e.g. `arn:aws:iam::000000000000:root`. */
  readonly principalArn: string;
  /** The calling principal as the authenticator resolved it (GetCallerIdentity answers this). */
  readonly identity: CallerIdentity;
  /** This server's URL as the client reached it (from the Host header), e.g. `http://127.0.0.1:4566/`. */
  readonly endpoint: string;
}

/** One API operation: decoded input in, output out. Throws ApiError for client-visible failures. */
export type Operation = (ctx: RequestContext, input: Record<string, unknown>) => unknown;

/** One AWS API behind the gateway. */
export interface ApiService {
  /**
   * The protocol model: `metadata.signingName` scopes the SigV4 credential, `metadata.protocols`
   * the codecs it answers on, `targetPrefix` (JSON) / `apiVersion` (query) / `serviceId` route it.
   */
  readonly model: ServiceModel;
  /**
   * Every operation of the model: those Berth does not implement are handlers that throw the
   * API's own "not supported" error, so a client always learns why.
   */
  readonly operations: ReadonlyMap<string, Operation>;
  /**
   * The IAM service prefix of its actions (`cloudwatch` for the API signed as `monitoring`);
   * default: the signing name.
   */
  readonly actionPrefix?: string;
  /**
   * The resources and condition keys of one call, for the policy evaluation the gateway runs on
   * every request; default `['*']` with no keys. Runs on decoded, not yet validated, input.
   */
  readonly authorization?: (
    operation: string,
    input: Record<string, unknown>,
    partition: Partition,
  ) => OperationAuthorization;
  /**
   * Internal APIs (the agent protocol) that only the account's root key may call; IAM
   * policies never grant them.
   */
  readonly rootOnly?: boolean;
}

/** The model of an API Berth defines itself (e.g. the agent protocol): JSON 1.1, no shapes. */
export const internalJsonModel = (targetPrefix: string, signingName: string): ServiceModel => ({
  metadata: {
    protocol: 'json',
    protocols: ['json'],
    apiVersion: '1',
    serviceId: targetPrefix,
    signingName,
    targetPrefix,
    jsonVersion: '1.1',
  },
  operations: {},
  shapes: {},
});
