import { describe, expect, it } from 'vitest';

import {
  DOCKER_MANIFEST_LIST_V2,
  DOCKER_MANIFEST_V2,
  OCI_IMAGE_INDEX,
  OCI_IMAGE_MANIFEST,
} from './manifest-media-types.js';
import { parseManifest } from './parse-manifest.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const bytes = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('parseManifest', () => {
  it('reads a Docker v2 image manifest: config and layers', () => {
    const parsed = parseManifest(
      bytes({
        schemaVersion: 2,
        mediaType: DOCKER_MANIFEST_V2,
        config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 7, digest: D1 },
        layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 11, digest: D2 }],
      }),
      `${DOCKER_MANIFEST_V2}; charset=utf-8`,
    );
    expect(parsed).toEqual({
      mediaType: DOCKER_MANIFEST_V2,
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 7, digest: D1 },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 11, digest: D2 }],
      manifests: [],
    });
  });

  it('reads manifest lists and OCI indexes (child manifests with platforms), and OCI artifacts', () => {
    const child = {
      mediaType: OCI_IMAGE_MANIFEST,
      size: 500,
      digest: D1,
      platform: { os: 'linux', architecture: 'arm64' },
    };
    const index = parseManifest(
      bytes({ schemaVersion: 2, manifests: [child], annotations: { a: 'b' } }),
      OCI_IMAGE_INDEX,
    );
    expect(index).toMatchObject({
      mediaType: OCI_IMAGE_INDEX,
      layers: [],
      manifests: [child],
      annotations: { a: 'b' },
    });
    expect(index.config).toBeUndefined();
    const list = parseManifest(
      bytes({ schemaVersion: 2, mediaType: DOCKER_MANIFEST_LIST_V2, manifests: [child] }),
    );
    expect(list.mediaType).toBe(DOCKER_MANIFEST_LIST_V2);
    const artifact = parseManifest(
      bytes({
        schemaVersion: 2,
        artifactType: 'application/spdx+json',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2, digest: D2 },
        layers: [],
        subject: { mediaType: OCI_IMAGE_MANIFEST, size: 500, digest: D1 },
      }),
    );
    expect(artifact).toMatchObject({
      mediaType: OCI_IMAGE_MANIFEST,
      artifactType: 'application/spdx+json',
      subject: { digest: D1, size: 500 },
    });
  });

  it('refuses schema 1 as UnsupportedImageTypeException and malformed input as InvalidParameterException', () => {
    const schema1 = bytes({ schemaVersion: 1, name: 'web', tag: 'v1', fsLayers: [] });
    expect(codeOf(() => parseManifest(schema1))).toBe('UnsupportedImageTypeException');
    expect(
      codeOf(() => parseManifest(bytes({ schemaVersion: 2, manifests: [] }), 'application/vnd.example+json')),
    ).toBe('UnsupportedImageTypeException');
    expect(codeOf(() => parseManifest(bytes('{"schemaVersion": 2,')))).toBe('InvalidParameterException');
    expect(codeOf(() => parseManifest(bytes('[]')))).toBe('InvalidParameterException');
    const badLayer = {
      schemaVersion: 2,
      config: { mediaType: 'x', size: 1, digest: D1 },
      layers: [{ mediaType: 'x', size: -1, digest: D2 }],
    };
    expect(codeOf(() => parseManifest(bytes(badLayer), OCI_IMAGE_MANIFEST))).toBe(
      'InvalidParameterException',
    );
    const badDigest = {
      schemaVersion: 2,
      config: { mediaType: 'x', size: 1, digest: 'sha256:abc' },
      layers: [],
    };
    expect(codeOf(() => parseManifest(bytes(badDigest), OCI_IMAGE_MANIFEST))).toBe(
      'InvalidParameterException',
    );
    const mismatch = { schemaVersion: 2, mediaType: OCI_IMAGE_INDEX, manifests: [] };
    expect(codeOf(() => parseManifest(bytes(mismatch), OCI_IMAGE_MANIFEST))).toBe(
      'InvalidParameterException',
    );
    expect(
      codeOf(() => parseManifest(bytes({ schemaVersion: 2, config: {}, layers: [] }), DOCKER_MANIFEST_V2)),
    ).toBe('InvalidParameterException');
  });
});
