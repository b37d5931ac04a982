/** Which distribution endpoint a request path names (the method is the handler's business). */
export type RegistryRoute =
  | { readonly kind: 'base' }
  | { readonly kind: 'blob'; readonly name: string; readonly digest: string }
  | { readonly kind: 'uploads'; readonly name: string }
  | { readonly kind: 'upload'; readonly name: string; readonly uploadId: string }
  | { readonly kind: 'manifest'; readonly name: string; readonly reference: string }
  | { readonly kind: 'tags'; readonly name: string }
  | { readonly kind: 'referrers'; readonly name: string; readonly digest: string }
  | { readonly kind: 'invalid-name'; readonly name: string }
  | { readonly kind: 'unknown' };

/** distribution's repository name grammar: path components of lowercase alphanumerics and separators. */
const NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const MAX_NAME_LENGTH = 256;

const PATTERNS: readonly (readonly [RegExp, (name: string, last: string) => RegistryRoute])[] = [
  [/^(.+)\/blobs\/uploads\/?$/, (name) => ({ kind: 'uploads', name })],
  [/^(.+)\/blobs\/uploads\/([^/]+)$/, (name, uploadId) => ({ kind: 'upload', name, uploadId })],
  [/^(.+)\/blobs\/([^/]+)$/, (name, digest) => ({ kind: 'blob', name, digest })],
  [/^(.+)\/manifests\/([^/]+)$/, (name, reference) => ({ kind: 'manifest', name, reference })],
  [/^(.+)\/tags\/list$/, (name) => ({ kind: 'tags', name })],
  [/^(.+)\/referrers\/([^/]+)$/, (name, digest) => ({ kind: 'referrers', name, digest })],
];

/** Parses `/v2/…`; repository names may hold `/` (`team/web-app`), so the suffix decides. */
export const parseRoute = (pathname: string): RegistryRoute => {
  if (pathname === '/v2' || pathname === '/v2/') return { kind: 'base' };
  if (!pathname.startsWith('/v2/')) return { kind: 'unknown' };
  const rest = pathname.slice('/v2/'.length);
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(rest);
    if (match?.[1] === undefined) continue;
    const name = safeDecode(match[1]);
    const last = safeDecode(match[2] ?? '');
    if (name === undefined || last === undefined) return { kind: 'unknown' };
    if (name.length > MAX_NAME_LENGTH || !NAME.test(name)) return { kind: 'invalid-name', name };
    return build(name, last);
  }
  return { kind: 'unknown' };
};

const safeDecode = (part: string): string | undefined => {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
};
