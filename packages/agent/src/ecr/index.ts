/**
 * Pulling ECR images from Berth's registry: which references are registry images, where Docker on
 * this host pulls them from (directly or through a loopback forwarder), and with what credentials
 * (the agent's GetAuthorizationToken, cached per region; none for a FARGATE task without an
 * execution role). Decisions are pure (image-reference, pull-host, pull-credentials,
 * registry-pull-plan); the token calls and the forwarder do the I/O.
 */
export { EcrClient, ECR_TARGET_PREFIX, type EcrTokenSource } from './ecr-client.js';
export { RegistryCredentials } from './registry-credentials.js';
export { RegistryImages, type ImagePull, type ImageResolver } from './registry-images.js';
