/**
 * The records IAM keeps in the state store, all scoped by account id. Users and roles are keyed
 * by `<account>|<lower-case name>` (IAM names are unique case-insensitively); access keys by
 * their id (so the authenticator's lookup is one `get`) and scoped by their user
 * (`<account>|<lower-case user name>`); customer managed policies by ARN. A user or role carries
 * its inline policies and attached policy ARNs, so evaluating a caller reads one record plus one
 * per attached policy — never a scan.
 */
export const IAM_KIND = {
  user: 'iam-user',
  role: 'iam-role',
  accessKey: 'iam-access-key',
  policy: 'iam-policy',
  awsPolicyUsage: 'iam-aws-policy-usage',
} as const;

export const principalKey = (accountId: string, name: string): string => `${accountId}|${name.toLowerCase()}`;

export interface IamTag {
  readonly Key: string;
  readonly Value: string;
}

/** What users and roles share: path, id, ARN, policies. */
export interface PrincipalRecord {
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  /** AIDA… (user) or AROA… (role). */
  readonly id: string;
  readonly arn: string;
  /** Epoch seconds. */
  readonly createDate: number;
  /** Inline policies: name → document text (as given). */
  readonly inlinePolicies: Readonly<Record<string, string>>;
  /** Managed policy ARNs, in attach order. */
  readonly attachedPolicyArns: readonly string[];
  readonly tags: readonly IamTag[];
}

export type UserRecord = PrincipalRecord;

export interface RoleRecord extends PrincipalRecord {
  readonly assumeRolePolicyDocument: string;
  readonly description?: string;
  readonly maxSessionDuration: number;
}

export interface AccessKeyRecord {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly userName: string;
  readonly userId: string;
  readonly userArn: string;
  readonly status: 'Active' | 'Inactive';
  /** Epoch seconds. */
  readonly createDate: number;
}

export interface PolicyVersionRecord {
  readonly versionId: string;
  readonly document: string;
  /** Epoch seconds. */
  readonly createDate: number;
}

export interface ManagedPolicyRecord {
  readonly accountId: string;
  readonly policyName: string;
  readonly policyId: string;
  readonly arn: string;
  readonly path: string;
  readonly description?: string;
  readonly defaultVersionId: string;
  readonly versions: readonly PolicyVersionRecord[];
  /** The next version number to mint (IAM never reuses one). */
  readonly nextVersion: number;
  readonly attachmentCount: number;
  readonly createDate: number;
  readonly updateDate: number;
  readonly tags: readonly IamTag[];
}

/** How many users and roles of an account attach one AWS managed policy (kept for AttachmentCount). */
export interface AwsPolicyUsageRecord {
  readonly accountId: string;
  readonly arn: string;
  readonly attachmentCount: number;
}

export const awsPolicyUsageKey = (accountId: string, arn: string): string => `${accountId}|${arn}`;
