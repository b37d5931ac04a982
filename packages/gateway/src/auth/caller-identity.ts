/**
 * Who signed a request, and whether they may do what it asks: the two ports the gateway runs on
 * every call. The composition root implements them over IAM and STS (`@berth/iam`, `@berth/sts`);
 * the gateway only asks.
 */
/** The principal behind an access key. */
export interface CallerIdentity {
  readonly accountId: string;
  /**
   * `arn:aws:iam::<acct>:root`, `arn:aws:iam::<acct>:user/<path><name>`, or
   * `arn:aws:sts::<acct>:assumed-role/<role>/<session>`.
   */
  readonly arn: string;
  /** What GetCallerIdentity calls UserId: the account id (root), AIDA… (user), AROA…:<session>. */
  readonly userId: string;
  readonly kind: 'root' | 'user' | 'assumed-role';
  /** assumed-role: the role's ARN (`arn:aws:iam::<acct>:role/<path><name>`). */
  readonly roleArn?: string;
  /** user: the user name; assumed-role: the session name. */
  readonly name?: string;
}

export interface KeyResolution {
  readonly secretAccessKey: string;
  readonly identity: CallerIdentity;
}

export interface Authenticator {
  /**
   * The secret and identity of an access key, or undefined when no such key is active. A
   * session token that is expired, malformed or not the key's throws the ApiError AWS answers
   * (`ExpiredToken…`, `InvalidClientTokenId`/`UnrecognizedClientException`); `protocol` says
   * which spelling the API speaks.
   */
  resolve(
    accessKeyId: string,
    sessionToken: string | undefined,
    nowMs: number,
    protocol: 'json' | 'query',
  ): KeyResolution | undefined;
}

/** What one call asks to do, in IAM's terms. */
export interface AuthorizationRequest {
  readonly identity: CallerIdentity;
  /** `<service prefix>:<Operation>`, e.g. `ecs:RunTask`. */
  readonly action: string;
  /** The resource ARNs the call acts on (`*` for actions without resource-level permissions). */
  readonly resources: readonly string[];
  /** Condition keys (lower-case names not required; the evaluator compares them case-insensitively). */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
}

export type AuthorizationDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** The first resource that was not allowed. */
      readonly resource: string;
      /** `explicit`: a Deny statement matched; `implicit`: no Allow did. */
      readonly reason: 'explicit' | 'implicit';
    };

export interface Authorizer {
  authorize(request: AuthorizationRequest): AuthorizationDecision;
}
