/**
 * What IAM's policy evaluation costs a call: the ECS API mixed workload (the one measured against
 * moto) on one `berth server`, signed three ways in alternating rounds — the account root (allowed
 * without evaluation: the floor), an IAM user and an assumed-role session, both holding the same
 * three-statement policy (ecs:* allowed, one Deny that never matches, a region condition). The
 * ratios are per round, paired with the root round next to it. `node bench/dist/main.js iam`
 * writes bench/results/iam.json.
 */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';

import { runApiPhase } from '../api-bench.js';
import type { BenchCommand } from '../bench-command.js';
import type { BenchConfig } from '../config.js';
import { sdkClientOptions } from '../sdk-options.js';
import { startBerth, withServer } from '../servers.js';
import { median, ratio } from '../stats.js';

type Signer = 'root' | 'user' | 'session';
const SIGNERS: readonly Signer[] = ['root', 'user', 'session'];
const ROUNDS = 3;

export interface IamRound {
  readonly signer: Signer;
  readonly concurrency: number;
  readonly round: number;
  readonly opsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

export interface IamResults {
  readonly startedAt: string;
  readonly rounds: IamRound[];
  /** Per concurrency and signer: median ops/s and p99, and the paired ratio to root. */
  summary: Record<
    string,
    { opsPerSecond: number; p99Ms: number; throughputVsRoot: number; p99VsRoot: number }
  >;
  readonly errors: Record<string, string>;
}

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'ecs:*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    },
    { Effect: 'Deny', Action: 'ecs:DeleteCluster', Resource: 'arn:aws:ecs:*:*:cluster/production-*' },
    { Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List*'], Resource: '*' },
  ],
});

/** An IAM user and an assumed-role session holding POLICY, made with the root key. */
const signers = async (config: BenchConfig, endpoint: string): Promise<Record<Signer, BenchConfig>> => {
  const iam = new IAMClient(sdkClientOptions(config, endpoint));
  const sts = new STSClient(sdkClientOptions(config, endpoint));
  try {
    await iam.send(new CreateUserCommand({ UserName: 'bench-user' }));
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'bench-user', PolicyName: 'ecs', PolicyDocument: POLICY }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench-user' }))).AccessKey;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' },
      ],
    });
    const role = (
      await iam.send(new CreateRoleCommand({ RoleName: 'bench-role', AssumeRolePolicyDocument: trust }))
    ).Role;
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'bench-role', PolicyName: 'ecs', PolicyDocument: POLICY }),
    );
    const session = (
      await sts.send(
        new AssumeRoleCommand({ RoleArn: role?.Arn, RoleSessionName: 'bench', DurationSeconds: 3600 }),
      )
    ).Credentials;
    return {
      root: config,
      user: { ...config, accessKeyId: key?.AccessKeyId ?? '', secretAccessKey: key?.SecretAccessKey ?? '' },
      session: {
        ...config,
        accessKeyId: session?.AccessKeyId ?? '',
        secretAccessKey: session?.SecretAccessKey ?? '',
        sessionToken: session?.SessionToken ?? '',
      },
    };
  } finally {
    iam.destroy();
    sts.destroy();
  }
};

const summarizeRounds = (rounds: readonly IamRound[]): IamResults['summary'] => {
  const summary: IamResults['summary'] = {};
  for (const concurrency of new Set(rounds.map((r) => r.concurrency))) {
    const of = (signer: Signer): IamRound[] =>
      rounds.filter((r) => r.concurrency === concurrency && r.signer === signer);
    const root = of('root');
    for (const signer of SIGNERS) {
      const mine = of(signer);
      summary[`c${concurrency} ${signer}`] = {
        opsPerSecond: median(mine.map((r) => r.opsPerSecond)),
        p99Ms: median(mine.map((r) => r.p99Ms)),
        throughputVsRoot: median(
          mine.map((r, i) => ratio(r.opsPerSecond, root[i]?.opsPerSecond ?? Number.NaN)),
        ),
        p99VsRoot: median(mine.map((r, i) => ratio(r.p99Ms, root[i]?.p99Ms ?? Number.NaN))),
      };
    }
  }
  return summary;
};

const measureIam = async (
  config: BenchConfig,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<IamResults> => {
  const results: IamResults = { startedAt: new Date().toISOString(), rounds: [], summary: {}, errors: {} };
  try {
    await withServer(
      () => startBerth(config, { agent: false }),
      async ({ endpoint }) => {
        const as = await signers(config, endpoint);
        for (const signer of SIGNERS)
          await runApiPhase(as[signer], endpoint, `warm-${signer}`, {
            concurrency: 2,
            seconds: 5,
            maxIterations: config.apiWarmupIterations,
            signal,
          });
        for (const concurrency of config.concurrencies)
          for (let round = 0; round < ROUNDS; round++)
            for (const signer of SIGNERS) {
              signal.throwIfAborted();
              progress(`iam: ${signer}, concurrency ${concurrency}, round ${round + 1}/${ROUNDS}`);
              const phase = await runApiPhase(
                as[signer],
                endpoint,
                `iam-${signer}-c${concurrency}-r${round}`,
                {
                  concurrency,
                  seconds: config.apiSeconds,
                  maxIterations: config.apiMaxIterations,
                  signal,
                },
              );
              if (phase.errors > 0)
                results.errors[`${signer} c${concurrency}`] = phase.firstErrors.join('; ');
              results.rounds.push({
                signer,
                concurrency,
                round,
                opsPerSecond: phase.opsPerSecond,
                p50Ms: phase.latencyMs.p50,
                p99Ms: phase.latencyMs.p99,
                errors: phase.errors,
              });
            }
      },
    );
  } catch (error) {
    results.errors.iam = error instanceof Error ? error.message : String(error);
  }
  results.summary = summarizeRounds(results.rounds);
  return results;
};

const renderIam = (results: IamResults): string => {
  const lines = [
    'IAM policy evaluation: the ECS API workload signed as root (no evaluation), an IAM user, an assumed role',
    '  signer            ops/s    p99 ms   ops/s vs root   p99 vs root',
  ];
  for (const [key, s] of Object.entries(results.summary))
    lines.push(
      `  ${key.padEnd(14)} ${s.opsPerSecond.toFixed(0).padStart(8)} ${s.p99Ms.toFixed(2).padStart(9)} ${s.throughputVsRoot
        .toFixed(2)
        .padStart(15)} ${s.p99VsRoot.toFixed(2).padStart(13)}`,
    );
  return `${lines.join('\n')}\n`;
};

export const iamCommand: BenchCommand<IamResults> = { name: 'iam', measure: measureIam, render: renderIam };
