/**
 * Which image references may name Berth's registry (pure). Two forms do:
 * - the AWS form task definitions carry, `<12-digit account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/
 *   <repo>[:tag|@digest]`: always a registry image, of the URI's region;
 * - any reference with an explicit registry host (Docker's rule: the first path component holds a
 *   `.` or a `:`, or is `localhost`): a registry image only if that host is the one the control
 *   plane advertises (GetAuthorizationToken's proxyEndpoint), which only a token call can tell.
 * Anything else (`busybox`, `berth-test/busybox:latest`) is Docker Hub's or local: never asked about.
 */
export type RegistryCandidate =
  /** The AWS form: rewritten to the local registry host at pull time. */
  | { readonly kind: 'aws'; readonly region: string; readonly registryId: string; readonly path: string }
  /** An explicit host that may be the advertised one (asked of the agent's region). */
  | { readonly kind: 'host'; readonly region: string; readonly host: string; readonly path: string };

const AWS_ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(.+)$/;

/** Docker's rule for "the first component is a registry host". */
const isRegistryHost = (component: string): boolean =>
  component.includes('.') || component.includes(':') || component === 'localhost';

/** `host/path` → [host, path] when the reference names a registry host explicitly. */
export const splitRegistryHost = (image: string): [string, string] | undefined => {
  const slash = image.indexOf('/');
  if (slash <= 0) return undefined;
  const host = image.slice(0, slash);
  const path = image.slice(slash + 1);
  return isRegistryHost(host) && path !== '' ? [host, path] : undefined;
};

/**
 * What `image` may be, for an agent in `agentRegion`; undefined: never a registry image.
 * `path` is `<repo>[:tag|@digest]`, the part kept when the host is rewritten.
 */
export const registryCandidate = (image: string, agentRegion: string): RegistryCandidate | undefined => {
  const aws = AWS_ECR_IMAGE.exec(image);
  if (aws)
    return { kind: 'aws', registryId: aws[1] ?? '', region: aws[2] ?? agentRegion, path: aws[3] ?? '' };
  const split = splitRegistryHost(image);
  if (!split) return undefined;
  return { kind: 'host', region: agentRegion, host: split[0], path: split[1] };
};

/** Registry hosts compare without case (`LOCALHOST:7471` is `localhost:7471`). */
export const sameHost = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
