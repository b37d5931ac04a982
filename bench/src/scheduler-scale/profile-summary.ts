/**
 * Where a V8 CPU profile's time went, by function: self time (samples in the function itself) and
 * inclusive time (samples with the function anywhere on the stack, counted once per sample), as
 * a share of the profiled time. Positions are in the TypeScript sources when the process runs with
 * --enable-source-maps and has loaded the code (the workers do, when profiling); otherwise in the
 * compiled files. Also runnable on a saved profile:
 *   node bench/dist/scheduler-scale/profile-summary.js FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileEntry {
  /** `function (file:line)`, the file relative to the repository. */
  readonly where: string;
  readonly ms: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly file?: string;
  readonly totalMs: number;
  readonly self: readonly ProfileEntry[];
  readonly inclusive: readonly ProfileEntry[];
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The TypeScript source position of compiled code, when its source map is loaded (--enable-source-maps). */
const sourcePosition = (url: string, line: number, column: number): { file: string; line: number } => {
  const entry = findSourceMap(url)?.findEntry(line, column);
  if (entry && 'originalSource' in entry && entry.originalSource)
    return { file: entry.originalSource, line: entry.originalLine };
  return { file: url, line };
};

const label = (node: ProfileNode): string => {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const at = url.startsWith('file://')
    ? sourcePosition(url, lineNumber, columnNumber)
    : { file: url, line: lineNumber };
  const path = at.file.startsWith('file://') ? relative(REPO_ROOT, fileURLToPath(at.file)) : at.file;
  return `${name} (${path}:${at.line + 1})`;
};

const top = (totals: ReadonlyMap<string, number>, totalMs: number, count: number): ProfileEntry[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([where, us]) => ({ where, ms: us / 1000, percent: (100 * us) / 1000 / totalMs }));

export const summarizeProfile = (profile: CpuProfile, count = 15): ProfileSummary => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalUs = 0;
  samples.forEach((id, i) => {
    // A sample's time is the gap to the next one.
    const us = Math.max(0, deltas[i + 1] ?? 0);
    totalUs += us;
    const leaf = byId.get(id);
    if (!leaf) return;
    const leafLabel = label(leaf);
    self.set(leafLabel, (self.get(leafLabel) ?? 0) + us);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      // Node's own event-loop frames and the root would top every list and say nothing.
      if (node && node.callFrame.functionName !== '(root)' && !node.callFrame.url.startsWith('node:'))
        onStack.add(label(node));
    }
    for (const where of onStack) inclusive.set(where, (inclusive.get(where) ?? 0) + us);
  });
  const totalMs = totalUs / 1000;
  return { totalMs, self: top(self, totalMs, count), inclusive: top(inclusive, totalMs, 2 * count) };
};

export const renderProfile = (summary: ProfileSummary): string[] => {
  const row = (e: ProfileEntry): string =>
    `      ${e.percent.toFixed(1).padStart(5)}%  ${(e.ms / 1000).toFixed(2).padStart(7)} s  ${e.where}`;
  return [
    `    CPU profile of the measured phase: ${(summary.totalMs / 1000).toFixed(1)} s${summary.file ? ` (${summary.file})` : ''}`,
    '    self time (in the function itself):',
    ...summary.self.map(row),
    '    inclusive time (the function and what it calls):',
    ...summary.inclusive.map(row),
  ];
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.js FILE.cpuprofile [TOP]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(`${renderProfile(summarizeProfile(profile, Number(count ?? 25))).join('\n')}\n`);
}
