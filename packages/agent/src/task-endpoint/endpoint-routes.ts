/**
 * The task endpoint's paths: `/v4/<token>`, `/v4/<token>/task`, `/v4/<token>/stats`,
 * `/v4/<token>/task/stats` (and the same under `/v3/`), and `/v2/credentials/<id>`. Anything
 * else is not a route.
 */
import type { MetadataVersion } from './metadata-shapes.js';

export type MetadataPath = 'container' | 'task' | 'container-stats' | 'task-stats';

export type Route =
  | {
      readonly kind: 'metadata';
      readonly version: MetadataVersion;
      readonly token: string;
      readonly path: MetadataPath;
    }
  | { readonly kind: 'credentials'; readonly id: string }
  | { readonly kind: 'none' };

const METADATA_PATHS: Readonly<Record<string, MetadataPath>> = {
  '': 'container',
  '/task': 'task',
  '/stats': 'container-stats',
  '/task/stats': 'task-stats',
};

const METADATA = /^\/(v3|v4)\/([A-Za-z0-9_-]+)((?:\/task)?(?:\/stats)?)\/?$/;
const CREDENTIALS = /^\/v2\/credentials\/([A-Za-z0-9_-]+)\/?$/;

export const routeOf = (url: string): Route => {
  const path = url.split('?')[0] ?? '';
  const credentials = CREDENTIALS.exec(path);
  if (credentials?.[1] !== undefined) return { kind: 'credentials', id: credentials[1] };
  const metadata = METADATA.exec(path);
  const version = metadata?.[1];
  const token = metadata?.[2];
  const sub = METADATA_PATHS[metadata?.[3] ?? '-'];
  if ((version !== 'v3' && version !== 'v4') || token === undefined || sub === undefined)
    return { kind: 'none' };
  return { kind: 'metadata', version, token, path: sub };
};
