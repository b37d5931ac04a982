/** The key pairs a server accepts, each bound to an account. */
export interface CredentialPair {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
}

export class CredentialStore {
  private readonly byKey: ReadonlyMap<string, CredentialPair>;

  constructor(pairs: readonly CredentialPair[]) {
    this.byKey = new Map(pairs.map((pair) => [pair.accessKeyId, pair]));
  }

  secretFor = (accessKeyId: string): string | undefined => this.byKey.get(accessKeyId)?.secretAccessKey;

  accountFor(accessKeyId: string): string {
    const pair = this.byKey.get(accessKeyId);
    if (!pair) throw new Error(`unknown access key ${accessKeyId}`);
    return pair.accountId;
  }
}
