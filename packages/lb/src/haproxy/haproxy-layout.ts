/**
 * The files of one supervised HAProxy inside the directory Berth gives it, and the global
 * section the supervisor adds in a file of its own (loaded before the rendered configuration),
 * so the renderer need not know where sockets and pidfile live.
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface HaproxyLayout {
  readonly directory: string;
  /** The rendered configuration (what start/reload were given). */
  readonly configFile: string;
  /** The candidate of a reload, validated before it replaces configFile. */
  readonly candidateFile: string;
  /** The supervisor's global section: admin socket and pidfile. */
  readonly globalFile: string;
  readonly masterSocket: string;
  readonly adminSocket: string;
  readonly pidFile: string;
  readonly logFile: string;
}

export const haproxyLayout = (directory: string): HaproxyLayout => ({
  directory,
  configFile: join(directory, 'haproxy.cfg'),
  candidateFile: join(directory, 'haproxy.cfg.next'),
  globalFile: join(directory, 'berth-global.cfg'),
  masterSocket: join(directory, 'master.sock'),
  adminSocket: join(directory, 'admin.sock'),
  pidFile: join(directory, 'haproxy.pid'),
  logFile: join(directory, 'haproxy.log'),
});

export const supervisorGlobalConfig = (layout: HaproxyLayout): string =>
  [
    "# Written by Berth: the supervisor's own sockets and pidfile.",
    'global',
    `  stats socket ${layout.adminSocket} mode 600 level admin expose-fd listeners`,
    `  pidfile ${layout.pidFile}`,
    '',
  ].join('\n');

/** Writes a file so that readers see the old content or the new one, never a part. */
export const writeFileAtomically = async (path: string, content: string): Promise<void> => {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, path);
};
