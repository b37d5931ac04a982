import type Dockerode from 'dockerode';

import type {
  EnsuredImage,
  ImageCommand,
  ImageImport,
  ImagePullBehavior,
  PullOptions,
  RegistryAuth,
} from '../container-runtime.js';
import { decidePull } from '../image-pull-policy.js';
import { RuntimeError } from '../runtime-error.js';
import { dockerCall, goDuration } from './docker-call.js';
import { DOCKER_TIMEOUTS } from './docker-timeouts.js';
import { progressError, readJsonLines } from './json-lines.js';
import { repoDigestFor } from './repo-digest.js';

interface CachedImage {
  readonly id: string;
  readonly digest?: string;
}

/** Image pulls and imports, following ECS_IMAGE_PULL_BEHAVIOR. Remembers what it pulled (`once`). */
export class DockerImages {
  private readonly pulledBefore = new Set<string>();

  constructor(private readonly docker: Dockerode) {}

  async ensure(image: string, behavior: ImagePullBehavior, options: PullOptions = {}): Promise<EnsuredImage> {
    const cached = await this.inspect(image);
    const decision = decidePull(behavior, {
      cached: cached !== undefined,
      pulledBefore: this.pulledBefore.has(image),
    });
    if (decision.action === 'use-cached' && cached)
      return { imageId: cached.id, ...digestOf(cached), pulled: false };
    try {
      await this.pull(image, options.auth);
    } catch (error) {
      if (decision.action === 'pull' && decision.fallBackToCache && cached) {
        return { imageId: cached.id, ...digestOf(cached), pulled: false };
      }
      throw error;
    }
    this.pulledBefore.add(image);
    const fresh = await this.inspect(image);
    if (!fresh)
      throw new RuntimeError('CannotPullContainerError', `image ${image} is missing after its pull`);
    return { imageId: fresh.id, ...digestOf(fresh), pulled: true };
  }

  async has(image: string): Promise<boolean> {
    return (await this.inspect(image)) !== undefined;
  }

  async command(image: string): Promise<ImageCommand> {
    return dockerCall({ op: 'inspectImage', errorName: 'CannotCreateContainerError' }, async () => {
      const info = await this.docker.getImage(image).inspect();
      const entrypoint = info.Config.Entrypoint;
      return {
        entrypoint: typeof entrypoint === 'string' ? [entrypoint] : (entrypoint ?? []),
        cmd: info.Config.Cmd ?? [],
      };
    });
  }

  async import(source: ImageImport): Promise<void> {
    const [repo = source.tag, tag = 'latest'] = splitTag(source.tag);
    await dockerCall({ op: 'importImage', errorName: 'CannotPullContainerError' }, async (abortSignal) => {
      const options = { repo, tag, changes: [...source.changes], abortSignal };
      const stream = await this.docker.importImage(source.tar, options);
      await drainProgress(stream, DOCKER_TIMEOUTS.importImage);
    });
  }

  private async inspect(image: string): Promise<CachedImage | undefined> {
    return dockerCall({ op: 'inspectImage', errorName: 'CannotPullContainerError' }, async () => {
      try {
        const info = await this.docker.getImage(image).inspect();
        const digest = repoDigestFor(image, info.RepoDigests ?? []);
        return { id: info.Id, ...(digest === undefined ? {} : { digest }) };
      } catch (error) {
        if ((error as { statusCode?: unknown }).statusCode === 404) return undefined;
        throw error;
      }
    });
  }

  private async pull(image: string, auth: RegistryAuth | undefined): Promise<void> {
    const authconfig = auth && { ...auth };
    try {
      await dockerCall({ op: 'pull', errorName: 'CannotPullContainerError' }, async (abortSignal) => {
        const stream = await this.docker.pull(image, { abortSignal, ...(authconfig ? { authconfig } : {}) });
        await drainProgress(stream, DOCKER_TIMEOUTS.pullInactivity);
      });
    } catch (error) {
      throw daemonWording(error);
    }
  }
}

/**
 * A pull the daemon refused reads as the ECS agent (over Docker) reports it:
 * `CannotPullContainerError: Error response from daemon: <Docker's message>`.
 */
const daemonWording = (error: unknown): unknown =>
  error instanceof RuntimeError && error.statusCode !== undefined
    ? new RuntimeError('CannotPullContainerError', `Error response from daemon: ${error.message}`, {
        statusCode: error.statusCode,
        cause: error,
      })
    : error;

const digestOf = (image: CachedImage): { digest?: string } =>
  image.digest === undefined ? {} : { digest: image.digest };

/** `repo:tag` → [repo, tag]; a colon inside a registry host:port is not a tag separator. */
const splitTag = (reference: string): [string, string] | [string] => {
  const colon = reference.lastIndexOf(':');
  if (colon < 0 || reference.slice(colon + 1).includes('/')) return [reference];
  return [reference.slice(0, colon), reference.slice(colon + 1)];
};

/** Consumes a pull/import progress stream; an `error` line or a stall fails it. */
const drainProgress = async (stream: NodeJS.ReadableStream, inactivityMs: number): Promise<void> => {
  let failure: string | undefined;
  await readJsonLines(stream, {
    inactivityMs,
    onInactive: () =>
      new RuntimeError(
        'CannotPullContainerError',
        `no progress for ${goDuration(inactivityMs)}; pull abandoned`,
      ),
    onObject: (value) => {
      failure ??= progressError(value);
    },
  });
  if (failure !== undefined) throw new RuntimeError('CannotPullContainerError', failure);
};
