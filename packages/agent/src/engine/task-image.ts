/**
 * Makes a container's image present, as ECS_IMAGE_PULL_BEHAVIOR asks. A registry image is pulled
 * by the reference Docker reaches Berth's registry at (see ecr/registry-images.ts), but an image
 * the host holds under the name the task definition gives (`docker tag`, an earlier pull by that
 * name) is the cached image ECS would use: `prefer-cached` takes it without asking the registry,
 * and `default` falls back to it when the pull fails.
 */
import type { ImagePull } from '../ecr/index.js';
import type { ContainerRuntime, EnsuredImage, ImagePullBehavior } from '../runtime/container-runtime.js';

export interface TaskImage extends EnsuredImage {
  /** The reference the container is created from. */
  readonly reference: string;
}

export const ensureTaskImage = async (
  runtime: ContainerRuntime,
  behavior: ImagePullBehavior,
  definitionImage: string,
  pull: ImagePull,
): Promise<TaskImage> => {
  const asWritten = async (): Promise<TaskImage> => ({
    reference: definitionImage,
    ...(await runtime.ensureImage(definitionImage, 'prefer-cached')),
  });
  const rewritten = pull.reference !== definitionImage;
  if (rewritten && behavior === 'prefer-cached' && (await runtime.hasImage(definitionImage)))
    return asWritten();
  try {
    const ensured = await runtime.ensureImage(
      pull.reference,
      behavior,
      pull.auth === undefined ? {} : { auth: pull.auth },
    );
    return { reference: pull.reference, ...ensured };
  } catch (error) {
    if (rewritten && behavior === 'default' && (await runtime.hasImage(definitionImage))) return asWritten();
    throw error;
  }
};
