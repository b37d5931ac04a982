/**
 * The Berth side of the ALB benchmark, through the ELBv2 SDK only: an application load balancer,
 * an `ip` target group (deregistration delay 0) with the first backend as its target, an HTTP
 * listener forwarding to it (its address is the load balancer's
 * AvailabilityZones[].LoadBalancerAddresses[].IpAddress), ready once DescribeTargetHealth says
 * healthy and the listener answers with the backend's body. Then the registration rounds: register
 * a second backend and poll the listener until its body appears, deregister it, wait until gone.
 */
import { Agent } from 'node:http';

import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupAttributesCommand,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';

import type { BenchConfig } from '../config.js';

import { getBody, oneConnectionAgent } from './probes.js';

/** The VPC Berth reports (it has no VPCs; a target group must still name one). */
const BERTH_VPC_ID = 'vpc-00000000000000b0e';
const SETUP_TIMEOUT_MS = 30_000;
const ROUND_TIMEOUT_MS = 10_000;

export interface BerthListener {
  readonly client: ElasticLoadBalancingV2Client;
  readonly targetGroupArn: string;
  readonly host: string;
  readonly port: number;
}

export interface RegistrationRound {
  /** RegisterTargets sent → the listener's first answer from the new target. */
  readonly firstServedMs: number;
  /** The RegisterTargets call alone (request sent → response parsed). */
  readonly registerCallMs: number;
  /** Listener requests sent in between (each one keep-alive GET). */
  readonly polls: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const elbv2Client = (config: BenchConfig, endpoint: string): ElasticLoadBalancingV2Client =>
  new ElasticLoadBalancingV2Client({
    endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 2 }), requestTimeout: 10_000 },
  });

/** Polls `check` every `everyMs` until it returns a value; throws `what` after `timeoutMs`. */
const until = async <T>(
  what: string,
  timeoutMs: number,
  everyMs: number,
  check: () => Promise<T | undefined>,
): Promise<T> => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
};

const targetStates = async (listener: BerthListener): Promise<Map<number, string>> => {
  const out = await listener.client.send(
    new DescribeTargetHealthCommand({ TargetGroupArn: listener.targetGroupArn }),
  );
  return new Map(
    (out.TargetHealthDescriptions ?? []).map((d) => [d.Target?.Port ?? 0, d.TargetHealth?.State ?? '']),
  );
};

/** Creates the load balancer, target group and listener; resolves once the target serves. */
export const createBerthListener = async (
  config: BenchConfig,
  endpoint: string,
  target: { readonly port: number; readonly body: string },
  listenerPort: number,
): Promise<BerthListener> => {
  const client = elbv2Client(config, endpoint);
  const lb = await client.send(
    new CreateLoadBalancerCommand({ Name: 'bench-alb', Type: 'application', Scheme: 'internal' }),
  );
  const lbArn = lb.LoadBalancers?.[0]?.LoadBalancerArn;
  const host = lb.LoadBalancers?.[0]?.AvailabilityZones?.[0]?.LoadBalancerAddresses?.[0]?.IpAddress;
  if (!lbArn || !host) throw new Error(`CreateLoadBalancer gave no ARN or address: ${JSON.stringify(lb)}`);
  const tg = await client.send(
    new CreateTargetGroupCommand({
      Name: 'bench-targets',
      Protocol: 'HTTP',
      Port: target.port,
      TargetType: 'ip',
      VpcId: BERTH_VPC_ID,
      HealthCheckPath: '/',
    }),
  );
  const targetGroupArn = tg.TargetGroups?.[0]?.TargetGroupArn;
  if (!targetGroupArn) throw new Error('CreateTargetGroup gave no ARN');
  await client.send(
    new ModifyTargetGroupAttributesCommand({
      TargetGroupArn: targetGroupArn,
      Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }],
    }),
  );
  await client.send(
    new RegisterTargetsCommand({
      TargetGroupArn: targetGroupArn,
      Targets: [{ Id: '127.0.0.1', Port: target.port }],
    }),
  );
  await client.send(
    new CreateListenerCommand({
      LoadBalancerArn: lbArn,
      Protocol: 'HTTP',
      Port: listenerPort,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
    }),
  );
  const listener: BerthListener = { client, targetGroupArn, host, port: listenerPort };
  await until('the first target to be healthy', SETUP_TIMEOUT_MS, 50, async () =>
    (await targetStates(listener)).get(target.port) === 'healthy' ? true : undefined,
  );
  const agent = oneConnectionAgent();
  try {
    await until('the listener to answer with the target', SETUP_TIMEOUT_MS, 50, async () => {
      const answer = await getBody(agent, host, listenerPort).catch(() => undefined);
      return answer?.body === target.body ? true : undefined;
    });
  } finally {
    agent.destroy();
  }
  return listener;
};

/**
 * One round: RegisterTargets for `second`, then back-to-back keep-alive GETs on the listener until
 * one answers with `second.body`. Then DeregisterTargets (delay 0) and waits until the target is
 * gone from DescribeTargetHealth and the listener answers only the first body again.
 */
export const registrationRound = async (
  listener: BerthListener,
  second: { readonly port: number; readonly body: string },
): Promise<RegistrationRound> => {
  const agent = oneConnectionAgent();
  const targets = [{ Id: '127.0.0.1', Port: second.port }];
  try {
    const began = performance.now();
    await listener.client.send(
      new RegisterTargetsCommand({ TargetGroupArn: listener.targetGroupArn, Targets: targets }),
    );
    const registerCallMs = performance.now() - began;
    let polls = 0;
    for (;;) {
      polls += 1;
      const answer = await getBody(agent, listener.host, listener.port);
      if (answer.body === second.body) break;
      if (performance.now() - began > ROUND_TIMEOUT_MS)
        throw new Error(
          `the new target served nothing within ${ROUND_TIMEOUT_MS} ms (last: ${answer.status})`,
        );
    }
    const firstServedMs = performance.now() - began;
    await listener.client.send(
      new DeregisterTargetsCommand({ TargetGroupArn: listener.targetGroupArn, Targets: targets }),
    );
    await until('the second target to be deregistered', ROUND_TIMEOUT_MS, 20, async () =>
      (await targetStates(listener)).has(second.port) ? undefined : true,
    );
    await until('the listener to stop answering from the second target', ROUND_TIMEOUT_MS, 20, async () => {
      for (let i = 0; i < 10; i++) {
        if ((await getBody(agent, listener.host, listener.port)).body === second.body) return undefined;
      }
      return true;
    });
    return { firstServedMs, registerCallMs, polls };
  } finally {
    agent.destroy();
  }
};
