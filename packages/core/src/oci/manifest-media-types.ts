/** The manifest media types the registry stores (Docker v2 schema 2 and OCI 1.1). */
export const DOCKER_MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST_V2 = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_IMAGE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_IMAGE_INDEX = 'application/vnd.oci.image.index.v1+json';

/** Docker's schema 1 types, which ECR (and this registry) refuse. */
export const DOCKER_MANIFEST_V1 = 'application/vnd.docker.distribution.manifest.v1+json';
export const DOCKER_MANIFEST_V1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';

export type ManifestMediaType =
  | typeof DOCKER_MANIFEST_V2
  | typeof DOCKER_MANIFEST_LIST_V2
  | typeof OCI_IMAGE_MANIFEST
  | typeof OCI_IMAGE_INDEX;

export const MANIFEST_MEDIA_TYPES: readonly ManifestMediaType[] = [
  DOCKER_MANIFEST_V2,
  DOCKER_MANIFEST_LIST_V2,
  OCI_IMAGE_MANIFEST,
  OCI_IMAGE_INDEX,
];

/** Whether the media type is a list of manifests (an index) rather than an image manifest. */
export const isManifestIndex = (mediaType: string): boolean =>
  mediaType === DOCKER_MANIFEST_LIST_V2 || mediaType === OCI_IMAGE_INDEX;
