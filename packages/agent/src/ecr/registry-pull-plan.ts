import { registryHostOf, decidePullHost, fallbackProxyEndpoint, type PullHost } from './pull-host.js';
import { sameHost, type RegistryCandidate } from './image-reference.js';
import type { RegistryToken } from './registry-token.js';

/** How to pull one image reference (pure): as written, or from Berth's registry (and with what). */
export type RegistryPullPlan =
  | { readonly kind: 'as-is' }
  | {
      readonly kind: 'registry';
      readonly pullHost: PullHost;
      /** `<repo>[:tag|@digest]`, appended to the host Docker pulls from. */
      readonly path: string;
      /** Absent: pull without credentials (the registry answers 401). */
      readonly credentials?: { readonly username: string; readonly password: string };
    };

export interface RegistryPullFacts {
  readonly candidate: RegistryCandidate;
  /** The agent's token for the candidate's region; undefined when GetAuthorizationToken failed. */
  readonly token: RegistryToken | undefined;
  /** The control plane's URL (the agent's `--endpoint`). */
  readonly endpoint: string;
  /** The task may pull with credentials (see pullsWithCredentials). */
  readonly withCredentials: boolean;
}

const advertisedHost = (token: RegistryToken | undefined): string | undefined => {
  try {
    return token ? registryHostOf(token.proxyEndpoint) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * An AWS-form reference always goes to Berth's registry: the advertised one, or (no token) the
 * default registry port beside the control plane, so it never reaches out to amazonaws.com. A
 * reference with another explicit host goes there only when that host is the advertised one;
 * otherwise (or without a token to tell) it is pulled as written.
 */
export const planRegistryPull = (facts: RegistryPullFacts): RegistryPullPlan => {
  const { candidate, endpoint } = facts;
  const advertised = advertisedHost(facts.token);
  const token = advertised === undefined ? undefined : facts.token;
  if (candidate.kind === 'host' && (advertised === undefined || !sameHost(candidate.host, advertised)))
    return { kind: 'as-is' };
  const proxyEndpoint = token?.proxyEndpoint ?? fallbackProxyEndpoint(endpoint);
  return {
    kind: 'registry',
    pullHost: decidePullHost(endpoint, proxyEndpoint),
    path: candidate.path,
    ...(token && facts.withCredentials
      ? { credentials: { username: token.username, password: token.password } }
      : {}),
  };
};
