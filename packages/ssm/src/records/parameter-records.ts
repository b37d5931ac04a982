/**
 * The record Parameter Store keeps per parameter: one `ssm-parameter` record keyed
 * `<account>/<region>|<name>` in the partition's scope, holding its versions (ascending, at most
 * 100). Every value is stored sealed by the SecretCipher — SecureStrings and plain ones alike.
 */
import type { ParameterTier, ParameterType } from '@berth/wire/ssm';

export const SSM_KIND = { parameter: 'ssm-parameter' } as const;

export const parameterKey = (pk: string, name: string): string => `${pk}|${name}`;

export interface ParameterVersionRecord {
  readonly version: number;
  readonly type: ParameterType;
  /** The value, sealed. */
  readonly sealedValue: string;
  readonly description?: string;
  readonly allowedPattern?: string;
  /** SecureString only: the KMS key id it names (stored, not used). */
  readonly keyId?: string;
  readonly tier: ParameterTier;
  readonly dataType: string;
  /** Epoch seconds. */
  readonly lastModifiedDate: number;
  /** The ARN of the principal that wrote this version. */
  readonly lastModifiedUser: string;
  readonly labels: readonly string[];
}

export interface ParameterRecord {
  readonly name: string;
  /** `arn:aws:ssm:<region>:<acct>:parameter/<name without its leading slash>` (names its partition). */
  readonly arn: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Ascending by version; the last is the current one. */
  readonly versions: readonly ParameterVersionRecord[];
}
