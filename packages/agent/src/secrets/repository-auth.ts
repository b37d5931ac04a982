/**
 * A container's `repositoryCredentials` as Docker credentials for its image's registry (pure): the
 * registry host as the reference spells it, Docker Hub's index for a reference without one.
 */
import type { ImagePull } from '../ecr/index.js';
import { splitRegistryHost } from '../ecr/image-reference.js';
import type { RepositoryAuth } from './task-secrets.js';

export const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';

export const withRepositoryAuth = (pull: ImagePull, auth: RepositoryAuth | undefined): ImagePull =>
  auth === undefined
    ? pull
    : {
        reference: pull.reference,
        auth: {
          username: auth.username,
          password: auth.password,
          serveraddress: splitRegistryHost(pull.reference)?.[0] ?? DOCKER_HUB_SERVER,
        },
      };
