/**
 * A minimal image manifest parser for ECR's records: it reads only what ECR needs (media type,
 * config, layers, child manifests, subject) from Docker v2 schema 2 manifests and manifest lists
 * and OCI manifests and indexes. Schema 1 answers UnsupportedImageTypeException. The digest is
 * the sha256 of the exact bytes; the bytes are never re-serialised.
 */
import { createHash } from 'node:crypto';

import { invalidParameter, unsupportedImageType } from './ecr-errors.js';

export const MEDIA_TYPE = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

const SCHEMA1 = new Set([
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
]);

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  /** Foreign (non-distributable) layers carry URLs and are not in the registry. */
  readonly urls?: readonly string[];
}

export interface ParsedManifest {
  readonly digest: string;
  readonly mediaType: string;
  readonly text: string;
  readonly config?: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly manifests: readonly Descriptor[];
  readonly subject?: Descriptor;
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

export const sha256Digest = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export const isIndexType = (mediaType: string): boolean =>
  mediaType === MEDIA_TYPE.dockerList || mediaType === MEDIA_TYPE.ociIndex;

const invalid = (why: string): Error =>
  invalidParameter(`Invalid parameter at 'imageManifest' failed to satisfy constraint: '${why}'`);

const descriptor = (value: unknown, where: string): Descriptor => {
  if (typeof value !== 'object' || value === null) throw invalid(`${where} must be a descriptor`);
  const d = value as Record<string, unknown>;
  if (typeof d['digest'] !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(d['digest'])) {
    throw invalid(`${where} has an invalid digest`);
  }
  if (typeof d['size'] !== 'number' || !Number.isInteger(d['size']) || d['size'] < 0) {
    throw invalid(`${where} has an invalid size`);
  }
  const urls = Array.isArray(d['urls']) ? d['urls'].filter((u): u is string => typeof u === 'string') : [];
  return {
    mediaType: typeof d['mediaType'] === 'string' ? d['mediaType'] : '',
    digest: d['digest'],
    size: d['size'],
    ...(urls.length > 0 ? { urls } : {}),
  };
};

const descriptors = (value: unknown, where: string): Descriptor[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid(`${where} must be an array`);
  return value.map((v, i) => descriptor(v, `${where}[${i}]`));
};

const inferType = (body: Record<string, unknown>, declared: string | undefined): string => {
  const own = typeof body['mediaType'] === 'string' ? body['mediaType'] : undefined;
  if (own !== undefined && declared !== undefined && declared !== '' && own !== declared) {
    throw invalid(`the manifest's mediaType '${own}' does not match '${declared}'`);
  }
  const type = own ?? (declared !== undefined && declared !== '' ? declared : undefined);
  if (type !== undefined) return type;
  return Array.isArray(body['manifests']) ? MEDIA_TYPE.ociIndex : MEDIA_TYPE.ociManifest;
};

/** Parses the exact manifest bytes; `declaredMediaType` is PutImage's or the Content-Type. */
export const parseManifest = (bytes: Uint8Array, declaredMediaType?: string): ParsedManifest => {
  const text = Buffer.from(bytes).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('Invalid JSON syntax');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('Invalid JSON syntax');
  const b = body as Record<string, unknown>;
  if (b['schemaVersion'] === 1 || (declaredMediaType !== undefined && SCHEMA1.has(declaredMediaType))) {
    throw unsupportedImageType('Docker image manifest schema 1 is not supported; push schema 2 or OCI');
  }
  if (b['schemaVersion'] !== 2) throw invalid('schemaVersion must be 2');
  const mediaType = inferType(b, declaredMediaType);
  const index = isIndexType(mediaType);
  if (!index && mediaType !== MEDIA_TYPE.dockerManifest && mediaType !== MEDIA_TYPE.ociManifest) {
    throw unsupportedImageType(`Unsupported manifest media type '${mediaType}'`);
  }
  const annotations = b['annotations'];
  return {
    digest: sha256Digest(bytes),
    mediaType,
    text,
    ...(index ? {} : { config: descriptor(b['config'], 'config') }),
    layers: index ? [] : descriptors(b['layers'], 'layers'),
    manifests: index ? descriptors(b['manifests'], 'manifests') : [],
    ...(b['subject'] !== undefined ? { subject: descriptor(b['subject'], 'subject') } : {}),
    ...(typeof b['artifactType'] === 'string' ? { artifactType: b['artifactType'] } : {}),
    ...(typeof annotations === 'object' && annotations !== null && !Array.isArray(annotations)
      ? { annotations: annotations as Record<string, string> }
      : {}),
  };
};
