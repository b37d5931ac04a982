export { DockerRuntime, type DockerRuntimeOptions } from './docker-runtime.js';
export { DOCKER_TIMEOUTS } from './docker-timeouts.js';
