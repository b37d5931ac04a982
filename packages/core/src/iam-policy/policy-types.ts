/**
 * IAM policy documents and the question an evaluation answers (contract of `evaluatePolicies`,
 * `parsePolicyDocument`). Policy JSON is normalised once when parsed: every list-or-scalar
 * element becomes a list, so evaluation never branches on shape.
 */

/** `"*"`, or principals by type: `AWS` (ARNs, account ids), `Service`, `Federated`, `CanonicalUser`. */
export type PrincipalSet = '*' | Readonly<Record<string, readonly string[]>>;

export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: PrincipalSet;
  readonly notPrincipal?: PrincipalSet;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  /** operator (e.g. `StringLike`, `ForAnyValue:StringEquals`, `ArnLikeIfExists`) → key → values. */
  readonly condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export interface PolicyDocument {
  readonly version: '2012-10-17' | '2008-10-17';
  readonly id?: string;
  readonly statements: readonly PolicyStatement[];
}

/** Which rules a document must follow: identity policies name no principal; trust and resource policies must. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

/** The principal asking, as policies match it. */
export interface RequestPrincipal {
  /** The caller's ARN (`arn:aws:iam::1:user/a`, `arn:aws:sts::1:assumed-role/r/s`, `arn:aws:iam::1:root`). */
  readonly arn: string;
  readonly accountId: string;
  /** For an assumed-role session, its role's ARN (trust and resource policies may name either). */
  readonly roleArn?: string;
  /** A service principal (`ecs-tasks.amazonaws.com`) when a service asks, not an IAM principal. */
  readonly service?: string;
}

export interface PolicyRequest {
  readonly principal: RequestPrincipal;
  /** `ecs:RunTask`; matched case-insensitively. */
  readonly action: string;
  /** One resource ARN, or `*`; matched case-sensitively. */
  readonly resource: string;
  /** Condition keys; names are matched case-insensitively. Absent key = missing. */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

export type PolicyDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** The policies that apply to one request (same account). */
export interface ApplicablePolicies {
  /** The caller's identity-based policies (inline and attached, users' and roles'). */
  readonly identity: readonly PolicyDocument[];
  /** A resource-based policy (a role's trust policy for sts:AssumeRole, a secret's policy…). */
  readonly resource?: PolicyDocument;
}
