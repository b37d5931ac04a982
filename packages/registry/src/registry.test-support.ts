import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiError, parseManifest, partitionKey, type Partition } from '@berth/core';

import { DiskBlobStore } from './blobs/disk-blob-store.js';
import { RegistryServer } from './http/registry-server.js';
import { manifestDigest, manifestText } from './manifests/manifest-digest.js';
import type {
  PasswordCheck,
  ReferrerDescriptor,
  RegistryAuthenticator,
  RegistryCatalog,
  StoredManifest,
} from '@berth/core';

export const ACCOUNT_A: Partition = { accountId: '111122223333', region: 'eu-west-1' };
export const ACCOUNT_B: Partition = { accountId: '444455556666', region: 'eu-west-1' };

/** Passwords: `good` → account A, `other` → account B, `expired` → expired, anything else invalid. */
export class FakeAuthenticator implements RegistryAuthenticator {
  verifyPassword(password: string): PasswordCheck {
    if (password === 'good') return { ok: true, partition: ACCOUNT_A };
    if (password === 'other') return { ok: true, partition: ACCOUNT_B };
    if (password === 'expired') return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}

interface Image extends StoredManifest {
  readonly subject?: string;
  readonly artifactType?: string;
}

/** An in-memory RegistryCatalog with ECR's checks (repository exists, blobs present, immutable tags). */
export class FakeCatalog implements RegistryCatalog {
  readonly #repos = new Set<string>();
  readonly #immutable = new Set<string>();
  readonly #images = new Map<string, Map<string, Image>>();
  readonly #tags = new Map<string, Map<string, string>>();
  readonly #links = new Map<string, Set<string>>();
  readonly pulls: string[] = [];

  addRepository(partition: Partition, name: string, options: { immutable?: boolean } = {}): void {
    const key = this.#key(partition, name);
    this.#repos.add(key);
    this.#images.set(key, new Map());
    this.#tags.set(key, new Map());
    this.#links.set(key, new Set());
    if (options.immutable === true) this.#immutable.add(key);
  }

  repositoryExists(partition: Partition, name: string): boolean {
    return this.#repos.has(this.#key(partition, name));
  }

  putManifest(
    partition: Partition,
    name: string,
    push: { readonly reference: string; readonly mediaType: string; readonly bytes: Uint8Array },
  ): Promise<{ readonly digest: string }> {
    const key = this.#repo(partition, name);
    const parsed = parseManifest(manifestText(push.bytes), push.mediaType);
    const blobs = [...(parsed.config ? [parsed.config] : []), ...parsed.layers];
    if (blobs.some((b) => !this.hasBlob(partition, name, b.digest))) {
      return Promise.reject(new ApiError('LayersNotFoundException', 'The image layers are missing.'));
    }
    const images = this.#images.get(key)!;
    if (parsed.manifests.some((m) => !images.has(m.digest))) {
      return Promise.reject(
        new ApiError('ReferencedImagesNotFoundException', 'Referenced images not found.'),
      );
    }
    const digest = manifestDigest(push.bytes);
    const tags = this.#tags.get(key)!;
    const isTag = !push.reference.startsWith('sha256:');
    if (
      isTag &&
      this.#immutable.has(key) &&
      tags.has(push.reference) &&
      tags.get(push.reference) !== digest
    ) {
      return Promise.reject(
        new ApiError('ImageTagAlreadyExistsException', `The image tag '${push.reference}' already exists.`),
      );
    }
    images.set(digest, {
      digest,
      mediaType: push.mediaType,
      bytes: push.bytes,
      ...(parsed.subject && { subject: parsed.subject.digest }),
      ...(parsed.artifactType !== undefined && { artifactType: parsed.artifactType }),
    });
    if (isTag) tags.set(push.reference, digest);
    return Promise.resolve({ digest });
  }

  getManifest(partition: Partition, name: string, reference: string): StoredManifest | undefined {
    const key = this.#repo(partition, name);
    const digest = reference.startsWith('sha256:') ? reference : this.#tags.get(key)!.get(reference);
    return digest === undefined ? undefined : this.#images.get(key)!.get(digest);
  }

  recordPull(partition: Partition, name: string, digest: string): void {
    this.pulls.push(`${this.#key(partition, name)}@${digest}`);
  }

  deleteManifest(partition: Partition, name: string, digest: string): void {
    const key = this.#repo(partition, name);
    if (!this.#images.get(key)!.delete(digest))
      throw new ApiError('ImageNotFoundException', 'Image not found.');
    const tags = this.#tags.get(key)!;
    for (const [tag, target] of tags) if (target === digest) tags.delete(tag);
  }

  listTags(partition: Partition, name: string): readonly string[] {
    return [...this.#tags.get(this.#repo(partition, name))!.keys()].sort();
  }

  referrers(partition: Partition, name: string, subjectDigest: string): readonly ReferrerDescriptor[] {
    return [...this.#images.get(this.#repo(partition, name))!.values()]
      .filter((image) => image.subject === subjectDigest)
      .map((image) => ({
        mediaType: image.mediaType,
        digest: image.digest,
        size: image.bytes.byteLength,
        ...(image.artifactType !== undefined && { artifactType: image.artifactType }),
      }));
  }

  linkBlob(partition: Partition, name: string, digest: string): void {
    this.#links.get(this.#repo(partition, name))!.add(digest);
  }

  hasBlob(partition: Partition, name: string, digest: string): boolean {
    return this.#links.get(this.#key(partition, name))?.has(digest) ?? false;
  }

  #key(partition: Partition, name: string): string {
    return `${partitionKey(partition)}/${name}`;
  }

  #repo(partition: Partition, name: string): string {
    const key = this.#key(partition, name);
    if (!this.#repos.has(key))
      throw new ApiError('RepositoryNotFoundException', `Repository ${name} not found.`);
    return key;
  }
}

/** A temp directory, removed by the returned function. */
export const tempDir = async (): Promise<{ readonly path: string; readonly remove: () => Promise<void> }> => {
  const path = await mkdtemp(join(tmpdir(), 'berth-registry-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
};

export interface RunningRegistry {
  readonly base: string;
  readonly port: number;
  readonly blobs: DiskBlobStore;
  readonly catalog: FakeCatalog;
  readonly root: string;
  readonly logged: string[];
  stop(): Promise<void>;
}

/** A RegistryServer on 127.0.0.1:0 over a temp dir, with repositories `web` and `team/web-app` in account A. */
export const startRegistry = async (): Promise<RunningRegistry> => {
  const dir = await tempDir();
  const blobs = new DiskBlobStore({ root: dir.path });
  const catalog = new FakeCatalog();
  catalog.addRepository(ACCOUNT_A, 'web');
  catalog.addRepository(ACCOUNT_A, 'team/web-app');
  const logged: string[] = [];
  const server = new RegistryServer({
    blobs,
    catalog,
    authenticator: new FakeAuthenticator(),
    log: (message) => logged.push(message),
  });
  const port = await server.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    blobs,
    catalog,
    root: dir.path,
    logged,
    stop: async () => {
      await server.close();
      await dir.remove();
    },
  };
};

export const basic = (password: string, username = 'AWS'): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** Authorization for account A. */
export const AUTH = { Authorization: basic('good') };

export const sha256Of = (bytes: Uint8Array | string): string =>
  manifestDigest(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);

/** The distribution error code of a response body. */
export const errorCode = async (response: Response): Promise<string | undefined> => {
  const body = (await response.json()) as { errors?: { code?: string }[] };
  return body.errors?.[0]?.code;
};
