/** A peer's version as it prints it (the first dotted number in its output), for the report. */
import { spawnSync } from 'node:child_process';

export const versionOf = (command: string, args: readonly string[]): string => {
  const out = spawnSync(command, args, { encoding: 'utf8' });
  const text = `${out.stdout ?? ''}${out.stderr ?? ''}`;
  return /\d+\.\d+(\.\d+)?\S*/.exec(text)?.[0] ?? 'unavailable';
};
