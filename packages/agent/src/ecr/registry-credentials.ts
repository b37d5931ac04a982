import type { EcrTokenSource } from './ecr-client.js';
import type { RegistryToken } from './registry-token.js';

/** A token is used until this long before it expires (the ECS agent refreshes ECR tokens the same way). */
export const TOKEN_REFRESH_MARGIN_MS = 60 * 60 * 1000;
/** After a failed token call, pulls go on without credentials this long before the agent asks again. */
export const TOKEN_FAILURE_BACKOFF_MS = 30 * 1000;

type Cached =
  | { readonly kind: 'token'; readonly token: RegistryToken }
  | { readonly kind: 'failed'; readonly untilMs: number };

export interface RegistryCredentialsOptions {
  readonly source: EcrTokenSource;
  /** Epoch ms. */
  readonly now: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * The agent's registry tokens, one per region and registry (account), each kept until an hour before it expires; callers
 * asking at once share one call. A failed call (no ECR on the server: UnknownOperation; an outage)
 * answers `undefined` — the pull then goes without credentials — and is not repeated for a while.
 */
export class RegistryCredentials {
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<RegistryToken | undefined>>();

  constructor(private readonly options: RegistryCredentialsOptions) {}

  get(region: string, registryId?: string): Promise<RegistryToken | undefined> {
    const now = this.options.now();
    const key = `${region}|${registryId ?? ''}`;
    const cached = this.cache.get(key);
    if (cached?.kind === 'token' && now < cached.token.expiresAtMs - TOKEN_REFRESH_MARGIN_MS)
      return Promise.resolve(cached.token);
    if (cached?.kind === 'failed' && now < cached.untilMs) return Promise.resolve(undefined);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const call = this.fetch(key, region, registryId).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, call);
    return call;
  }

  private async fetch(key: string, region: string, registryId?: string): Promise<RegistryToken | undefined> {
    try {
      const token = await this.options.source.getAuthorizationToken(region, registryId);
      this.cache.set(key, { kind: 'token', token });
      return token;
    } catch (error) {
      this.options.log('GetAuthorizationToken failed; pulling registry images without credentials', {
        region,
        error: String(error),
      });
      this.cache.set(key, { kind: 'failed', untilMs: this.options.now() + TOKEN_FAILURE_BACKOFF_MS });
      return undefined;
    }
  }
}
