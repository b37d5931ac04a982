/**
 * `npm run bench`: the ECS API against moto, RunTask against the Docker floor, and the scheduler
 * at scale against Nomad's published figure, in one run. Prints a report and writes it as JSON to
 * bench/results/latest.json. Every server and container the bench starts is stopped before it
 * exits, also on failure or Ctrl-C. `node bench/dist/main.js scheduler-scale` runs only the
 * scheduler-scale benchmark (no Docker or moto needed) and writes bench/results/scheduler-scale.json;
 * `node bench/dist/main.js replacement` runs only the service task replacement benchmark (Berth vs
 * Docker's restart policy) and writes bench/results/replacement.json; `node bench/dist/main.js
 * fargate-cpu` runs only the FARGATE CPU-limit benchmark and writes bench/results/fargate-cpu.json;
 * `node bench/dist/main.js alb` runs only the ALB data-plane benchmark (Berth's listener vs nginx as
 * a reverse proxy, RegisterTargets → first request) and writes bench/results/alb.json; `node
 * bench/dist/main.js telemetry` runs only the CloudWatch Logs / metrics benchmark (Berth vs moto,
 * and the awslogs pipeline against Docker's floor) and writes bench/results/telemetry.json; `node
 * bench/dist/main.js registry` runs only the registry benchmark (Berth's ECR registry vs
 * distribution: push/pull throughput, time to first byte) and writes bench/results/registry.json.
 */
import { cpus, platform } from 'node:os';
import { dirname, join } from 'node:path';

import { albCommand, measureAlb, renderAlbReport, type AlbResults } from './alb/index.js';
import { benchApiSystem } from './api-bench.js';
import { runBenchCommand, type BenchCommand } from './bench-command.js';
import { killAllChildren, stopAllChildren } from './child-process.js';
import { iamCommand } from './iam/index.js';
import { readConfig, type BenchConfig } from './config.js';
import { docker, removeBenchContainers, removeTaskContainers } from './docker-cli.js';
import { dockerRunStarter } from './docker-cli-floor.js';
import { engineApiStarter } from './docker-engine-floor.js';
import {
  benchFargateCpu,
  renderFargateCpu,
  type FargateCpuResults,
} from './fargate-cpu/fargate-cpu-bench.js';
import { runReplacementAlone } from './replacement/index.js';
import { measureRegistry, registryCommand, renderRegistry, type RegistryResults } from './registry/index.js';
import { measureTelemetry, renderTelemetry, type TelemetryResults } from './telemetry/index.js';
import { renderReport } from './report.js';
import { writeResultsFile } from './results-file.js';
import type { BenchResults } from './results.js';
import { runTaskStarter } from './runtask-bench.js';
import {
  benchSchedulerScale,
  readScaleSettings,
  renderSchedulerScale,
  runSchedulerScaleAlone,
  type SchedulerScaleResults,
} from './scheduler-scale/index.js';
import { measureInterleaved, type StartLatencyResult, type Starter } from './start-latency.js';
import { motoVersion, startBerth, startMoto, withServer, type EcsEndpoint } from './servers.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs one benchmark; a failure is recorded under `name` and the run goes on. */
const attempt = async (
  results: BenchResults,
  signal: AbortSignal,
  name: string,
  body: () => Promise<void>,
): Promise<void> => {
  if (signal.aborted) {
    results.errors[name] = 'skipped: interrupted';
    return;
  }
  try {
    await body();
  } catch (error) {
    results.errors[name] = signal.aborted ? 'interrupted' : message(error);
    process.stderr.write(`bench: ${name} failed: ${message(error)}\n`);
  }
};

const progress = (text: string): void => {
  process.stderr.write(`bench: ${text}\n`);
};

const environment = async (): Promise<Record<string, string | number>> => ({
  node: process.version,
  platform: platform(),
  cpus: cpus().length,
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  docker: await docker(['version', '--format', '{{.Server.Version}}']).catch(() => 'unavailable'),
  moto: motoVersion(),
});

type AllResults = BenchResults & {
  schedulerScale?: SchedulerScaleResults;
  fargateCpu?: FargateCpuResults;
  alb?: AlbResults;
  telemetry?: TelemetryResults;
  registry?: RegistryResults;
};

const FARGATE_CPU_SECONDS = 5;

/** FARGATE tasks' CPU held to their size, against the unlimited floor and Docker's `--cpus`. */
const measureFargateCpu = async (config: BenchConfig): Promise<FargateCpuResults> =>
  withServer(
    () => startBerth(config, { agent: true }),
    (s) => benchFargateCpu(config, s.endpoint, FARGATE_CPU_SECONDS, progress),
  );

const runAll = async (config: BenchConfig, results: AllResults, signal: AbortSignal): Promise<void> => {
  await attempt(results, signal, 'api berth', async () => {
    progress('ECS API workload against berth server --no-agent');
    results.api.berth = await withServer(
      () => startBerth(config, { agent: false }),
      (s) => benchApiSystem(config, 'berth', s.endpoint, signal),
    );
  });
  await attempt(results, signal, 'api moto', async () => {
    progress('ECS API workload against moto server');
    results.api.moto = await withServer(startMoto, (s) => benchApiSystem(config, 'moto', s.endpoint, signal));
  });
  await attempt(results, signal, 'start latency', () => benchStartLatency(config, results, signal));
  await attempt(results, signal, 'fargate cpu', async () => {
    results.fargateCpu = await measureFargateCpu(config);
    for (const [system, error] of Object.entries(results.fargateCpu.errors))
      results.errors[`fargate cpu ${system}`] = error;
  });
  await attempt(results, signal, 'alb', async () => {
    results.alb = await measureAlb(config, signal, progress);
    for (const [step, error] of Object.entries(results.alb.errors)) results.errors[`alb ${step}`] = error;
  });
  await attempt(results, signal, 'telemetry', async () => {
    results.telemetry = await measureTelemetry(config, signal, progress);
    for (const [step, error] of Object.entries(results.telemetry.errors))
      results.errors[`telemetry ${step}`] = error;
  });
  await attempt(results, signal, 'registry', async () => {
    results.registry = await measureRegistry(config, signal, progress);
    for (const [step, error] of Object.entries(results.registry.errors))
      results.errors[`registry ${step}`] = error;
  });
  await attempt(results, signal, 'scheduler scale', async () => {
    progress('scheduler scale: simulated clusters through the in-process control plane');
    const scale = await benchSchedulerScale(readScaleSettings(), signal);
    results.schedulerScale = scale;
    for (const size of scale.sizes) {
      if (size.outcome === 'failed')
        results.errors[`scheduler scale ${size.instances}`] = size.error ?? 'failed';
      if (size.outcome === 'timed out')
        results.notes.push(`scheduler scale: ${size.instances} instances timed out (${size.placed} placed)`);
    }
  });
};

/**
 * Berth RunTask and the two Docker floors, interleaved start by start. The Berth server (with its
 * agent) stays up throughout; if it cannot start, the floors are still measured.
 */
const benchStartLatency = async (
  config: BenchConfig,
  results: BenchResults,
  signal: AbortSignal,
): Promise<void> => {
  progress('start latency: berth RunTask (embedded agent), docker run, Docker Engine API — interleaved');
  const started = new Set<string>();
  let berth: EcsEndpoint | undefined;
  let runTask: (Starter & { close(): Promise<void> }) | undefined;
  try {
    try {
      berth = await startBerth(config, { agent: true });
      runTask = await runTaskStarter(config, berth.endpoint, started);
    } catch (error) {
      results.errors['start berth'] = message(error);
    }
    const floors = [dockerRunStarter(config), engineApiStarter(config)];
    const { results: measured, errors } = await measureInterleaved(
      runTask ? [runTask, ...floors] : floors,
      config.startRuns,
      signal,
    );
    const bySystem = (starter: Starter | undefined): StartLatencyResult | undefined =>
      measured.find((result) => result.system === starter?.system);
    results.start.berth = bySystem(runTask);
    results.start.dockerRun = bySystem(floors[0]);
    results.start.engineApi = bySystem(floors[1]);
    for (const [system, error] of Object.entries(errors)) results.errors[`start ${system}`] = error;
  } finally {
    await runTask?.close();
    await berth?.stop();
    const left = await removeTaskContainers(started);
    if (left > 0)
      results.notes.push(`berth left ${left} task container(s) after shutdown; the bench removed them`);
  }
};

const main = async (): Promise<void> => {
  const config = readConfig();
  const began = performance.now();
  const results: AllResults = {
    startedAt: new Date().toISOString(),
    durationSeconds: 0,
    environment: await environment(),
    settings: {
      apiSecondsPerPhase: config.apiSeconds,
      apiMaxIterationsPerPhase: config.apiMaxIterations,
      apiWarmupIterations: config.apiWarmupIterations,
      concurrencies: config.concurrencies,
      startRuns: config.startRuns,
      image: config.testImage,
    },
    api: {},
    start: {},
    errors: {},
    notes: [],
  };
  // First Ctrl-C: finish the step under way, stop the servers cleanly, report what ran.
  // A second one kills the bench at once (its servers then get SIGKILL on exit).
  const controller = new AbortController();
  const interrupted = (): void => {
    process.stderr.write('bench: interrupted, stopping servers and containers\n');
    controller.abort();
    void stopAllChildren();
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('exit', killAllChildren);
  try {
    await runAll(config, results, controller.signal);
  } finally {
    await removeBenchContainers().catch(() => undefined);
  }
  results.durationSeconds = (performance.now() - began) / 1000;
  process.stdout.write(renderReport(results));
  if (results.fargateCpu) process.stdout.write(`\n${renderFargateCpu(results.fargateCpu).join('\n')}\n`);
  if (results.alb) process.stdout.write(`\n${renderAlbReport(results.alb)}`);
  if (results.telemetry) process.stdout.write(`\n${renderTelemetry(results.telemetry).join('\n')}\n`);
  if (results.registry) process.stdout.write(`\n${renderRegistry(results.registry)}`);
  if (results.schedulerScale)
    process.stdout.write(`\n${renderSchedulerScale(results.schedulerScale).join('\n')}\n`);
  writeResultsFile(config.resultsFile, results);
  process.stdout.write(`\nWrote ${config.resultsFile}\n`);
  if (controller.signal.aborted) process.exitCode = 130;
  else if (Object.keys(results.errors).length > 0) process.exitCode = 1;
};

/** `main.js scheduler-scale`: that benchmark alone, Ctrl-C stopping it as for the full run. */
const schedulerScaleOnly = async (): Promise<void> => {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const file = join(dirname(readConfig().resultsFile), 'scheduler-scale.json');
  const converged = await runSchedulerScaleAlone(file, controller.signal);
  if (controller.signal.aborted) process.exitCode = 130;
  else if (!converged) process.exitCode = 1;
};

/** `main.js replacement`: that benchmark alone; its servers are stopped on Ctrl-C or exit. */
const replacementOnly = async (): Promise<void> => {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  process.once('exit', killAllChildren);
  const config = readConfig();
  const file = join(dirname(config.resultsFile), 'replacement.json');
  const measured = await runReplacementAlone(config, file, controller.signal);
  if (controller.signal.aborted) process.exitCode = 130;
  else if (!measured) process.exitCode = 1;
};

/** `main.js fargate-cpu`: that benchmark alone; writes bench/results/fargate-cpu.json. */
const fargateCpuCommand: BenchCommand<FargateCpuResults> = {
  name: 'fargate-cpu',
  measure: (config) => measureFargateCpu(config),
  render: (results) => `${renderFargateCpu(results).join('\n')}\n`,
  cleanup: removeBenchContainers,
};

/** `main.js telemetry`: that benchmark alone; writes bench/results/telemetry.json. */
const telemetryCommand: BenchCommand<TelemetryResults> = {
  name: 'telemetry',
  measure: measureTelemetry,
  render: (results) => `${renderTelemetry(results).join('\n')}\n`,
  cleanup: removeBenchContainers,
};

/** Benchmarks that can also run alone: `node bench/dist/main.js NAME`. */
const ALONE: Readonly<Record<string, () => Promise<void>>> = {
  'scheduler-scale': schedulerScaleOnly,
  replacement: replacementOnly,
  'fargate-cpu': () => runBenchCommand(fargateCpuCommand),
  alb: albCommand,
  telemetry: () => runBenchCommand(telemetryCommand),
  registry: () => runBenchCommand(registryCommand),
  iam: () => runBenchCommand(iamCommand),
};

const selected = process.argv[2];
const alone = selected === undefined ? undefined : ALONE[selected];
if (selected === undefined) await main();
else if (alone) await alone();
else {
  process.stderr.write(
    `bench: unknown benchmark ${selected}; run all with no argument, or one of: ${Object.keys(ALONE).join(', ')}\n`,
  );
  process.exitCode = 2;
}
