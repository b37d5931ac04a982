/**
 * A task's `secrets`, `environmentFiles` and `repositoryCredentials`, resolved by the agent at task
 * start with the task execution role's credentials (Secrets Manager GetSecretValue and SSM
 * GetParameters on the control plane, grouped as ECS groups them; file:// environment files read on
 * the host), failing the task with ECS's ResourceInitializationError text when they cannot be.
 *
 * Where the values live, and why: never in the container's configuration (`docker inspect` shows
 * Config.Env to anyone with access to the Docker socket, and keeps it as long as the container).
 * Each container's values are files in `<run dir>/secrets/<task>/<container>/` on the host — /run
 * is a tmpfs, so they never reach a disk; 0700 directories, so no other host user reads them —
 * bind-mounted read-only at /.berth/secrets. The container starts through a POSIX sh launcher run
 * by the host's static busybox (mounted read-only at /.berth/busybox) that exports each file as a
 * variable and execs the real entrypoint + command. `docker inspect` shows only the mounts' paths.
 * The values leave the host when the task is STOPPED, cleaned up, or fails to start. Containers
 * without secrets or environment files are created exactly as before. A `docker exec` process does
 * not inherit them (it gets Config.Env only), as it would not inherit variables a process set.
 */
export { ControlPlaneSecretStore, type SecretStore } from './secret-store.js';
export { agentSecretsRoot, SecretFiles } from './secret-files.js';
export { DEFAULT_BUSYBOX, SecretInjection, type SecretInjectionOptions } from './secret-injection.js';
