/** Writes a benchmark's results as JSON (microsecond precision is plenty), creating its directory. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const roundNumbers = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;

export const writeResultsFile = (file: string, results: unknown): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, roundNumbers, 2)}\n`);
};
