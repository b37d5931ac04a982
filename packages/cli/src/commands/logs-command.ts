/**
 * `berth logs <group>`: a log group's events as `aws logs tail` prints them
 * (`timestamp stream message`), from `--since` (default 10m), optionally filtered, and with
 * `--follow` kept open, polling FilterLogEvents on the control plane (signed with the caller's
 * credentials, as `berth usage` is). Berth's StartLiveTail answers unsupported: this is its tail.
 */
import { Command } from 'commander';

import { ControlPlaneClient } from '@berth/agent';

import { addCredentialOptions, credentialsFrom, type CredentialFlags } from './credential-options.js';
import { formatTailLine } from './logs-line.js';
import { parseSince } from './logs-since.js';
import { tailLogs, type FilterPage } from './logs-tail.js';

const FILTER_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 1000;

interface LogsFlags extends CredentialFlags {
  endpoint: string;
  follow?: boolean;
  since: string;
  filterPattern?: string;
  logStreamNames?: string[];
  logStreamNamePrefix?: string;
}

export const logsCommand = (): Command =>
  addCredentialOptions(
    new Command('logs')
      .description('Print a log group’s events (timestamp stream message), like `aws logs tail`')
      .argument('<group>', 'the log group name')
      .requiredOption('--endpoint <url>', 'the Berth control plane, e.g. http://127.0.0.1:7470')
      .option('--follow', 'keep printing new events until interrupted')
      .option('--since <when>', 'from this long ago (30s, 10m, 2h, 1d, 1w) or this ISO 8601 time', '10m')
      .option('--filter-pattern <pattern>', 'only events matching this CloudWatch Logs filter pattern')
      .option('--log-stream-names <names...>', 'only these streams')
      .option('--log-stream-name-prefix <prefix>', 'only streams whose names start with this'),
  ).action(async (group: string, flags: LogsFlags) => {
    const client = new ControlPlaneClient(
      flags.endpoint,
      credentialsFrom(flags, 'berth logs'),
      flags.region,
      'logs',
    );
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await tailLogs({
        since: parseSince(flags.since, Date.now()),
        follow: flags.follow === true,
        pollIntervalMs: POLL_INTERVAL_MS,
        filterPage: (request) =>
          client.call<FilterPage>(
            'Logs_20140328.FilterLogEvents',
            {
              logGroupName: group,
              ...request,
              ...(flags.filterPattern !== undefined ? { filterPattern: flags.filterPattern } : {}),
              ...(flags.logStreamNames !== undefined ? { logStreamNames: flags.logStreamNames } : {}),
              ...(flags.logStreamNamePrefix !== undefined
                ? { logStreamNamePrefix: flags.logStreamNamePrefix }
                : {}),
            },
            FILTER_TIMEOUT_MS,
            stop.signal,
          ),
        print: (event) => process.stdout.write(`${formatTailLine(event)}\n`),
        wait: (ms) =>
          new Promise((resolve) => {
            const timer = setTimeout(resolve, ms);
            stop.signal.addEventListener('abort', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
        stopped: () => stop.signal.aborted,
      });
    } catch (error) {
      if (!stop.signal.aborted) throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
