/**
 * The registry digest of `reference` among an image's RepoDigests (pure). An image pulled under
 * several names (e.g. `localhost:7471/web` and a forwarder's `127.0.0.1:40123/web`) lists one
 * `<repository>@sha256:…` per repository: the one of the reference's repository is its digest;
 * otherwise the first, as before.
 */
export const repoDigestFor = (reference: string, repoDigests: readonly string[]): string | undefined => {
  const repository = repositoryOf(reference).toLowerCase();
  const own = repoDigests.find((d) => d.split('@')[0]?.toLowerCase() === repository);
  return (own ?? repoDigests[0])?.split('@')[1];
};

/** `host:port/repo:tag`, `repo@sha256:…` → the repository (a colon in host:port is no tag). */
export const repositoryOf = (reference: string): string => {
  const at = reference.indexOf('@');
  const name = at < 0 ? reference : reference.slice(0, at);
  const colon = name.lastIndexOf(':');
  return colon < 0 || name.slice(colon + 1).includes('/') ? name : name.slice(0, colon);
};
