/**
 * The record Secrets Manager keeps per secret: one `secretsmanager-secret` record keyed
 * `<account>/<region>|<name>` in the partition's scope, holding every version it keeps. Values
 * are stored only as the SecretCipher sealed them, never in plain text.
 */
export const SECRETS_KIND = { secret: 'secretsmanager-secret' } as const;

export const secretKey = (pk: string, name: string): string => `${pk}|${name}`;

export interface SecretVersionRecord {
  readonly versionId: string;
  /** Staging labels (AWSCURRENT, AWSPREVIOUS, AWSPENDING, custom); none = deprecated. */
  readonly stages: readonly string[];
  /** Epoch seconds. */
  readonly createdDate: number;
  /** The sealed UTF-8 bytes of SecretString. */
  readonly sealedString?: string;
  /** The sealed bytes of SecretBinary. */
  readonly sealedBinary?: string;
}

export interface SecretRecord {
  readonly name: string;
  /** `arn:aws:secretsmanager:<region>:<acct>:secret:<name>-<6 random characters>` */
  readonly arn: string;
  readonly description?: string;
  /** Stored and answered; Berth seals with its own keyring whatever the key. */
  readonly kmsKeyId?: string;
  readonly type?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Epoch seconds. */
  readonly createdDate: number;
  readonly lastChangedDate: number;
  /** When DeleteSecret was called (epoch seconds); absent unless marked for deletion. */
  readonly deletedDate?: number;
  /** When the secret is gone for good (epoch seconds); set with deletedDate. */
  readonly deletionDate?: number;
  /** Oldest first. */
  readonly versions: readonly SecretVersionRecord[];
}
