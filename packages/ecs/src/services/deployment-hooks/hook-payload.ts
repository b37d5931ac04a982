/**
 * What a lifecycle hook is sent and what it answers, shaped as ECS's invocation of a Lambda hook
 * [G blue-green-deployment-lifecycle-hooks]: the event names the execution, the lifecycle stage,
 * the service deployment (resourceArn) and, in executionDetails, the service, the target service
 * revision and the current test and production traffic weights by target group; the hook answers
 * `{"hookStatus": "SUCCEEDED" | "FAILED" | "IN_PROGRESS", "callBackDelay": <seconds>}`. Pure.
 */

export interface HookPayload {
  readonly executionId: string;
  readonly lifecycleStage: string;
  readonly resourceArn: string;
  readonly executionDetails: {
    readonly serviceArn: string;
    readonly targetServiceRevisionArn: string;
    readonly testTrafficWeights: Readonly<Record<string, number>>;
    readonly productionTrafficWeights: Readonly<Record<string, number>>;
  };
  readonly hookDetails?: unknown;
}

export interface HookVerdict {
  readonly status: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';
  /** IN_PROGRESS: invoke again after this many seconds. */
  readonly callBackDelaySeconds?: number;
  readonly reason: string;
}

export const hookPayload = (input: {
  readonly executionId: string;
  readonly lifecycleStage: string;
  readonly resourceArn: string;
  readonly serviceArn: string;
  readonly targetServiceRevisionArn: string;
  readonly testTrafficWeights: Readonly<Record<string, number>>;
  readonly productionTrafficWeights: Readonly<Record<string, number>>;
  readonly hookDetails?: unknown;
}): HookPayload => ({
  executionId: input.executionId,
  lifecycleStage: input.lifecycleStage,
  resourceArn: input.resourceArn,
  executionDetails: {
    serviceArn: input.serviceArn,
    targetServiceRevisionArn: input.targetServiceRevisionArn,
    testTrafficWeights: input.testTrafficWeights,
    productionTrafficWeights: input.productionTrafficWeights,
  },
  ...(input.hookDetails !== undefined ? { hookDetails: input.hookDetails } : {}),
});

const STATUSES = new Set(['SUCCEEDED', 'FAILED', 'IN_PROGRESS']);

export const parseHookResponse = (text: string): HookVerdict => {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return { status: 'FAILED', reason: `the hook answered no JSON: ${text.slice(0, 120)}` };
  }
  const status = (answer as { hookStatus?: unknown } | null)?.hookStatus;
  if (typeof status !== 'string' || !STATUSES.has(status))
    return { status: 'FAILED', reason: `the hook answered no valid hookStatus: ${text.slice(0, 120)}` };
  const delay = (answer as { callBackDelay?: unknown }).callBackDelay;
  return {
    status: status as HookVerdict['status'],
    ...(typeof delay === 'number' && delay >= 0 ? { callBackDelaySeconds: delay } : {}),
    reason: `the hook answered ${status}`,
  };
};
