/**
 * The image the registry benchmark pushes and pulls: `layers` files of random bytes (written in
 * 1 MiB chunks, hashed as they are written and synced, so no layer is ever whole in memory), a Docker
 * image config naming their digests, and a Docker v2 schema 2 manifest. A fresh image every round
 * (new bytes, new digests), so that no registry can serve a round from blobs of the last one.
 */
import { createHash, randomFillSync, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG_V1 = 'application/vnd.docker.container.image.v1+json';
const LAYER_TAR_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

export interface LayerFile {
  readonly path: string;
  readonly digest: string;
  readonly size: number;
}

export interface InlineBlob {
  readonly bytes: Buffer;
  readonly digest: string;
}

export interface TestImage {
  readonly layers: readonly LayerFile[];
  readonly config: InlineBlob;
  readonly manifest: InlineBlob & { readonly mediaType: string };
  /** Bytes of every blob (layers and config): what a push uploads and a pull downloads. */
  readonly blobBytes: number;
}

const CHUNK = 1 << 20;

const sha256 = (hash: Hash): string => `sha256:${hash.digest('hex')}`;

const inline = (bytes: Buffer): InlineBlob => ({ bytes, digest: sha256(createHash('sha256').update(bytes)) });

const writeRandomLayer = (path: string, size: number): LayerFile => {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < size;) {
      const part = chunk.subarray(0, Math.min(CHUNK, size - written));
      randomFillSync(part);
      hash.update(part);
      writeSync(fd, part);
      written += part.length;
    }
    // On disk before the round begins: no system pays for writing back the bench's own input.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { path, digest: sha256(hash), size };
};

/** Writes the layer files into `dir` and builds the config and manifest that name them. */
export const writeTestImage = (dir: string, layerCount: number, layerBytes: number): TestImage => {
  const layers = Array.from({ length: layerCount }, (_, i) =>
    writeRandomLayer(join(dir, `layer-${i}`), layerBytes),
  );
  const config = inline(
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        config: { Cmd: ['/bin/true'] },
        rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) },
        history: layers.map(() => ({ created_by: 'berth bench registry' })),
      }),
    ),
  );
  const manifest = inline(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST_V2,
        config: { mediaType: CONFIG_V1, size: config.bytes.length, digest: config.digest },
        layers: layers.map((layer) => ({
          mediaType: LAYER_TAR_GZIP,
          size: layer.size,
          digest: layer.digest,
        })),
      }),
    ),
  );
  return {
    layers,
    config,
    manifest: { ...manifest, mediaType: MANIFEST_V2 },
    blobBytes: layers.reduce((sum, layer) => sum + layer.size, config.bytes.length),
  };
};
