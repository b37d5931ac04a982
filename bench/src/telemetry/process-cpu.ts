/** CPU time a process has used (user + system, seconds), from /proc/<pid>/stat. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export const processCpuSeconds = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
};

/** dockerd's pid: Docker's own json-file driver runs inside it. */
export const dockerdPid = (): number => {
  const pid = Number(execFileSync('pidof', ['dockerd'], { encoding: 'utf8' }).trim().split(' ')[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error('dockerd is not running');
  return pid;
};
