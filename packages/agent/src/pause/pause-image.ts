import type { ContainerRuntime } from '../runtime/container-runtime.js';
import { RuntimeError } from '../runtime/runtime-error.js';
import { pauseRootfsStream } from './pause-tar.js';

/** Bump when the pause program changes, so hosts import the new one. */
export const PAUSE_IMAGE_VERSION = '1.0.0';
export const PAUSE_IMAGE_REPOSITORY = 'berth/pause';
export const BUILT_IN_PAUSE_IMAGE = `${PAUSE_IMAGE_REPOSITORY}:${PAUSE_IMAGE_VERSION}`;

export interface PauseImageOptions {
  /** Use this image (with its own CMD) instead of importing the built-in one. */
  readonly pauseImage?: string;
  /** `process.arch` of the host; the built-in image exists for x64 only. */
  readonly arch: string;
}

/**
 * The image awsvpc pause containers run. The built-in one is generated (no registry): a tiny
 * static ELF imported as `berth/pause:<version>` with `CMD ["/pause"]`. Ensured at most once per
 * instance (and retried after a failure).
 */
export class PauseImage {
  private ensured: Promise<string> | undefined;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly options: PauseImageOptions,
  ) {}

  /** The image reference to run, present locally. */
  ensure(): Promise<string> {
    this.ensured ??= this.load().catch((error: unknown) => {
      this.ensured = undefined;
      throw error;
    });
    return this.ensured;
  }

  private async load(): Promise<string> {
    const configured = this.options.pauseImage;
    if (configured !== undefined) {
      await this.runtime.ensureImage(configured, 'prefer-cached');
      return configured;
    }
    if (this.options.arch !== 'x64') {
      throw new RuntimeError(
        'ResourceInitializationError',
        `the built-in pause image is x86_64 only (host arch ${this.options.arch}); set pauseImage in the agent config`,
      );
    }
    if (!(await this.runtime.hasImage(BUILT_IN_PAUSE_IMAGE))) {
      await this.runtime.importImage({
        tag: BUILT_IN_PAUSE_IMAGE,
        tar: await pauseRootfsStream(),
        changes: ['CMD ["/pause"]'],
      });
    }
    return BUILT_IN_PAUSE_IMAGE;
  }
}
