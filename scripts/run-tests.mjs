// Runs every test with Vitest — the unit project, then the end-to-end project, then the e2e files
// that need the machine to themselves, one at a time (all share one Docker engine and two cores, so
// the projects run one after the other) — and prints one summary line: "N passed, N failed, N skipped". Exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const projects = process.argv.length > 2 ? process.argv.slice(2) : ['unit', 'e2e', 'e2e-alone'];
let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;
mkdirSync('test-results', { recursive: true });
for (const project of projects) {
  const report = `test-results/${project}.json`;
  rmSync(report, { force: true });
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit' },
  );
  status ||= run.status ?? 1;
  try {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    skipped += results.numPendingTests + results.numTodoTests;
    // A file that fails to load, or whose beforeAll/afterAll fails, has no failed test of its own
    // (its tests are skipped): count the file as a failure.
    failed += (results.testResults ?? []).filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
  } catch (error) {
    console.error(`run-tests: no report from vitest for ${project} (${error})`);
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status === 0 && failed === 0 && passed > 0 ? 0 : 1);
