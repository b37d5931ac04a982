import { ApiError } from '../errors.js';

import {
  DOCKER_MANIFEST_LIST_V2,
  DOCKER_MANIFEST_V1,
  DOCKER_MANIFEST_V1_SIGNED,
  DOCKER_MANIFEST_V2,
  isManifestIndex,
  MANIFEST_MEDIA_TYPES,
  OCI_IMAGE_INDEX,
  OCI_IMAGE_MANIFEST,
  type ManifestMediaType,
} from './manifest-media-types.js';

/** An OCI/Docker content descriptor, as a manifest references a blob or another manifest. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly artifactType?: string;
  readonly urls?: readonly string[];
  readonly annotations?: Readonly<Record<string, string>>;
  readonly platform?: Readonly<Record<string, unknown>>;
}

/** What a pushed manifest says, read from its exact bytes (the bytes themselves stay as pushed). */
export interface ParsedManifest {
  readonly mediaType: ManifestMediaType;
  readonly schemaVersion: 2;
  /** Image manifests: the config blob. */
  readonly config?: Descriptor;
  /** Image manifests: the layer blobs (empty for an index). */
  readonly layers: readonly Descriptor[];
  /** Indexes and manifest lists: the child manifests (empty for an image manifest). */
  readonly manifests: readonly Descriptor[];
  /** OCI 1.1: the manifest this one refers to. */
  readonly subject?: Descriptor;
  readonly artifactType?: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SHA256 = /^sha256:[0-9a-f]{64}$/;
/** Content types that say nothing about which manifest this is. */
const GENERIC_TYPES = new Set(['', 'application/json', 'application/octet-stream', 'text/plain']);

const invalid = (message: string): ApiError =>
  new ApiError(
    'InvalidParameterException',
    `Invalid parameter at 'imageManifest' failed to satisfy constraint: '${message}'`,
  );
const unsupported = (message: string): ApiError => new ApiError('UnsupportedImageTypeException', message);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The media type part of a Content-Type header (no parameters, lower case). */
export const bareMediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Parses and checks a Docker v2 schema 2 manifest, Docker manifest list, OCI image manifest or OCI
 * index, given as the text of its exact bytes (the caller decodes them as strict UTF-8 and keeps the
 * bytes: the digest is theirs, never a re-serialisation's). The media type comes from `contentType` when it names one, else from the manifest's own
 * `mediaType` field, else from its shape (OCI allows omitting the field). Throws ECR's
 * InvalidParameterException (not JSON, malformed) or UnsupportedImageTypeException (schema 1,
 * unknown types).
 */
export const parseManifest = (text: string, contentType?: string): ParsedManifest => {
  const json = decodeJson(text);
  if (!isRecord(json)) throw invalid('Invalid JSON syntax');
  const declared = typeof json['mediaType'] === 'string' ? json['mediaType'] : undefined;
  const header = bareMediaType(contentType);
  if (
    json['schemaVersion'] === 1 ||
    [header, declared].some((t) => t === DOCKER_MANIFEST_V1 || t === DOCKER_MANIFEST_V1_SIGNED)
  ) {
    throw unsupported('Manifest schema version 1 is not supported.');
  }
  if (json['schemaVersion'] !== 2) throw invalid('Invalid schemaVersion (must be 2)');
  const mediaType = resolveMediaType(GENERIC_TYPES.has(header) ? undefined : header, declared, json);
  const index = isManifestIndex(mediaType);
  const manifests = index ? descriptorList(json['manifests'], 'manifests') : [];
  const config = index ? undefined : descriptor(json['config'], 'config');
  const layers = index ? [] : descriptorList(json['layers'] ?? [], 'layers');
  return {
    mediaType,
    schemaVersion: 2,
    ...(config && { config }),
    layers,
    manifests,
    ...optionalFields(json),
  };
};

const decodeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalid('Invalid JSON syntax');
  }
};

const resolveMediaType = (
  header: string | undefined,
  declared: string | undefined,
  json: Record<string, unknown>,
): ManifestMediaType => {
  if (header !== undefined && declared !== undefined && header !== declared) {
    throw invalid(`mediaType '${declared}' does not match the Content-Type '${header}'`);
  }
  const named =
    header ?? declared ?? (json['manifests'] !== undefined ? OCI_IMAGE_INDEX : OCI_IMAGE_MANIFEST);
  const known = MANIFEST_MEDIA_TYPES.find((type) => type === named);
  if (known === undefined) throw unsupported(`Manifest media type '${named}' is not supported.`);
  if ((known === DOCKER_MANIFEST_V2 || known === DOCKER_MANIFEST_LIST_V2) && declared === undefined) {
    throw invalid(`A Docker manifest must carry mediaType '${known}'`);
  }
  return known;
};

const optionalFields = (
  json: Record<string, unknown>,
): Pick<ParsedManifest, 'subject' | 'artifactType' | 'annotations'> => {
  const artifactType = json['artifactType'];
  if (artifactType !== undefined && typeof artifactType !== 'string')
    throw invalid('artifactType must be a string');
  return {
    ...(json['subject'] !== undefined && { subject: descriptor(json['subject'], 'subject') }),
    ...(artifactType !== undefined && { artifactType }),
    ...(json['annotations'] !== undefined && { annotations: stringMap(json['annotations'], 'annotations') }),
  };
};

const descriptorList = (value: unknown, field: string): Descriptor[] => {
  if (!Array.isArray(value)) throw invalid(`${field} must be an array of descriptors`);
  return value.map((item: unknown, i) => descriptor(item, `${field}[${i}]`));
};

const descriptor = (value: unknown, field: string): Descriptor => {
  if (!isRecord(value)) throw invalid(`${field} must be a descriptor`);
  const { mediaType, digest, size, artifactType, urls, annotations, platform } = value;
  if (typeof mediaType !== 'string' || mediaType === '') throw invalid(`${field}.mediaType must be a string`);
  if (
    typeof digest !== 'string' ||
    !DIGEST.test(digest) ||
    (digest.startsWith('sha256:') && !SHA256.test(digest))
  ) {
    throw invalid(`${field}.digest must be a digest`);
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw invalid(`${field}.size must be a non-negative integer`);
  }
  if (artifactType !== undefined && typeof artifactType !== 'string')
    throw invalid(`${field}.artifactType must be a string`);
  if (urls !== undefined && !(Array.isArray(urls) && urls.every((u) => typeof u === 'string'))) {
    throw invalid(`${field}.urls must be strings`);
  }
  if (platform !== undefined && !isRecord(platform)) throw invalid(`${field}.platform must be an object`);
  return {
    mediaType,
    digest,
    size,
    ...(artifactType !== undefined && { artifactType }),
    ...(urls !== undefined && { urls }),
    ...(annotations !== undefined && { annotations: stringMap(annotations, `${field}.annotations`) }),
    ...(platform !== undefined && { platform }),
  };
};

const stringMap = (value: unknown, field: string): Record<string, string> => {
  if (!isRecord(value) || !Object.values(value).every((v) => typeof v === 'string')) {
    throw invalid(`${field} must map strings to strings`);
  }
  return value as Record<string, string>;
};
