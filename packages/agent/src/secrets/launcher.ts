/**
 * The launcher that puts hidden variables into a container's environment (pure). The container is
 * created with `Entrypoint: [<busybox>, sh, -c, LAUNCHER_SCRIPT, berth-launch]` and, as `Cmd`, its
 * real argv (the definition's entryPoint + command, else the image's, by Docker's rules). The
 * script exports every file of the read-only secrets mount as a variable named after the file —
 * the value byte for byte, newlines and trailing newlines included — then execs the argv. A bare
 * program name is looked up in PATH by the script itself (busybox would otherwise prefer its own
 * applet of that name); one not found exits 127, as a shell does.
 */
import type { ContainerSpec, ImageCommand } from '../runtime/container-runtime.js';
import { RuntimeError } from '../runtime/runtime-error.js';

/** Where a container sees its secret files and the host's static busybox. */
export const SECRETS_MOUNT = '/.berth/secrets';
export const BUSYBOX_MOUNT = '/.berth/busybox';
export const LAUNCHER_NAME = 'berth-launch';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The script, for mounts at `secrets` and `busybox` (the container's are the defaults). */
export const launcherScript = (secrets = SECRETS_MOUNT, busybox = BUSYBOX_MOUNT): string =>
  [
    `for __berth_f in ${secrets}/*; do`,
    '  [ -f "$__berth_f" ] || continue',
    `  __berth_v="$(${busybox} cat "$__berth_f" && printf x)" || exit 126`,
    '  export "${__berth_f##*/}=${__berth_v%x}"',
    'done',
    '__berth_c="$1"',
    'case "$__berth_c" in',
    '  */*) ;;',
    '  *)',
    `    __berth_ifs="$IFS"; IFS=:`,
    `    for __berth_p in \${PATH:-${DEFAULT_PATH}}; do`,
    '      if [ -f "${__berth_p:-.}/$1" ] && [ -x "${__berth_p:-.}/$1" ]; then __berth_c="${__berth_p:-.}/$1"; break; fi',
    '    done',
    '    IFS="$__berth_ifs"',
    '    case "$__berth_c" in */*) ;; *)',
    `      echo "${LAUNCHER_NAME}: exec: \\"$1\\": executable file not found in \\$PATH" >&2; exit 127 ;;`,
    '    esac ;;',
    'esac',
    'shift',
    'unset __berth_f __berth_v __berth_p __berth_ifs',
    'exec "$__berth_c" "$@"',
  ].join('\n');

export const LAUNCHER_SCRIPT = launcherScript();

/** Docker's rule: a given entrypoint drops the image's Cmd; otherwise image entrypoint + (given ?? image) cmd. */
export const effectiveArgv = (
  spec: Pick<ContainerSpec, 'entrypoint' | 'command'>,
  image: ImageCommand,
): string[] => {
  const entrypoint = spec.entrypoint && spec.entrypoint.length > 0 ? spec.entrypoint : undefined;
  if (entrypoint) return [...entrypoint, ...(spec.command ?? [])];
  return [...image.entrypoint, ...(spec.command && spec.command.length > 0 ? spec.command : image.cmd)];
};

/** The spec run through the launcher: its hidden variables come from `hostDir`, never from Env. */
export const launchedSpec = (
  spec: ContainerSpec,
  image: ImageCommand,
  mounts: { readonly hostDir: string; readonly busybox: string },
): ContainerSpec => {
  const argv = effectiveArgv(spec, image);
  if (argv.length === 0)
    throw new RuntimeError('CannotCreateContainerError', 'Error response from daemon: No command specified');
  return {
    ...spec,
    entrypoint: [BUSYBOX_MOUNT, 'sh', '-c', LAUNCHER_SCRIPT, LAUNCHER_NAME],
    command: argv,
    binds: [...spec.binds, `${mounts.hostDir}:${SECRETS_MOUNT}:ro`, `${mounts.busybox}:${BUSYBOX_MOUNT}:ro`],
  };
};
