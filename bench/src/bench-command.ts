/**
 * How a benchmark runs alone (`node bench/dist/main.js NAME`): the first Ctrl-C (or SIGTERM)
 * aborts the step under way and stops the servers, then whatever ran is reported; the results go
 * to `bench/results/<name>.json` beside the full run's; the exit code is 130 when interrupted, 1
 * when a step failed. A second Ctrl-C kills the bench (its servers get SIGKILL on exit).
 */
import { dirname, join } from 'node:path';

import { killAllChildren, stopAllChildren } from './child-process.js';
import { readConfig, type BenchConfig } from './config.js';
import { writeResultsFile } from './results-file.js';

export interface BenchCommand<R extends { readonly errors: Readonly<Record<string, string>> }> {
  /** The results file's base name. */
  readonly name: string;
  measure(config: BenchConfig, signal: AbortSignal, progress: (text: string) => void): Promise<R>;
  render(results: R): string;
  /** Runs after the benchmark, whatever happened (e.g. removes its containers). */
  cleanup?(): Promise<void>;
}

const progress = (text: string): void => {
  process.stderr.write(`bench: ${text}\n`);
};

export const runBenchCommand = async <R extends { readonly errors: Readonly<Record<string, string>> }>(
  command: BenchCommand<R>,
): Promise<void> => {
  const controller = new AbortController();
  const interrupted = (): void => {
    process.stderr.write(`bench: interrupted, stopping the ${command.name} benchmark's servers\n`);
    controller.abort();
    void stopAllChildren();
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('exit', killAllChildren);
  const config = readConfig();
  try {
    const results = await command.measure(config, controller.signal, progress);
    process.stdout.write(command.render(results));
    const file = join(dirname(config.resultsFile), `${command.name}.json`);
    writeResultsFile(file, results);
    process.stdout.write(`\nWrote ${file}\n`);
    if (controller.signal.aborted) process.exitCode = 130;
    else if (Object.keys(results.errors).length > 0) process.exitCode = 1;
  } finally {
    await command.cleanup?.().catch(() => undefined);
  }
};
