/**
 * The server's own key pairs (`berth server` prints one): each is its account's root, which IAM
 * allows everything. On their own they make an Authenticator that knows no other key, and
 * `rootOnlyAuthorizer` allows root alone — what a gateway without IAM runs on.
 */
import type { Authenticator, Authorizer, CallerIdentity, KeyResolution } from './caller-identity.js';

/** A key pair a server accepts as its account's root. */
export interface CredentialPair {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
}

export const rootIdentity = (accountId: string): CallerIdentity => ({
  accountId,
  arn: `arn:aws:iam::${accountId}:root`,
  userId: accountId,
  kind: 'root',
});

export class RootKeys implements Authenticator {
  private readonly byKey: ReadonlyMap<string, KeyResolution>;

  constructor(pairs: readonly CredentialPair[]) {
    this.byKey = new Map(
      pairs.map((pair) => [
        pair.accessKeyId,
        { secretAccessKey: pair.secretAccessKey, identity: rootIdentity(pair.accountId) },
      ]),
    );
  }

  /** Root keys are long-term: a session token beside one is ignored, as AWS does. */
  resolve(accessKeyId: string): KeyResolution | undefined {
    return this.byKey.get(accessKeyId);
  }
}

export const rootOnlyAuthorizer: Authorizer = {
  authorize: ({ identity, resources }) =>
    identity.kind === 'root'
      ? { allowed: true }
      : { allowed: false, resource: resources[0] ?? '*', reason: 'implicit' },
};
