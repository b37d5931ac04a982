/** A unit ELBv2 module over a MemoryStateStore with a settable clock and counting ids. */
import { ApiError } from '@berth/core';
import type { RequestContext } from '@berth/gateway';
import { MemoryStateStore } from '@berth/store';

import { createElbv2Module, type Elbv2Module, type Elbv2ModuleConfig } from '../elbv2-module.js';

export const CTX: RequestContext = {
  requestId: 'unit',
  partition: { accountId: '123456789012', region: 'us-east-1' },
  accessKeyId: 'AKIAUNIT',
  principalArn: 'arn:aws:iam::123456789012:root',
  identity: {
    accountId: '123456789012',
    arn: 'arn:aws:iam::123456789012:root',
    userId: '123456789012',
    kind: 'root',
  },
  endpoint: 'http://127.0.0.1/',
};

export interface UnitElbv2 {
  readonly module: Elbv2Module;
  readonly clock: { now: number };
  call(operation: string, input: object, ctx?: RequestContext): Record<string, unknown>;
  /** `Code: message` of the ApiError the call throws, or 'none'. */
  errorOf(operation: string, input: object, ctx?: RequestContext): string;
}

/** `Code: message` of the ApiError `fn` throws, or 'none'. */
export const apiErrorOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
  }
};

export const unitElbv2 = (config: Partial<Elbv2ModuleConfig> = {}): UnitElbv2 => {
  const clock = { now: 1_700_000_000_000 };
  let n = 0;
  const module = createElbv2Module({
    store: new MemoryStateStore(),
    now: () => clock.now,
    ids: { hex16: () => (n += 1).toString(16).padStart(16, '0') },
    ...config,
  });
  const call = (operation: string, input: object, ctx = CTX): Record<string, unknown> => {
    const op = module.api.operations.get(operation);
    if (!op) throw new Error(`no operation ${operation}`);
    return op(ctx, input as Record<string, unknown>) as Record<string, unknown>;
  };
  const errorOf = (operation: string, input: object, ctx = CTX): string =>
    apiErrorOf(() => call(operation, input, ctx));
  return { module, clock, call, errorOf };
};

/** Creates an ALB, an HTTP target group and an HTTP:80 listener forwarding to it. */
export const basicStack = (
  t: UnitElbv2,
  targetType: 'ip' | 'instance' = 'ip',
): { lbArn: string; tgArn: string; listenerArn: string } => {
  const lb = t.call('CreateLoadBalancer', { Name: 'web' }) as {
    LoadBalancers: { LoadBalancerArn: string }[];
  };
  const tg = t.call('CreateTargetGroup', {
    Name: 'web-tg',
    Protocol: 'HTTP',
    Port: 8080,
    VpcId: 'vpc-1',
    TargetType: targetType,
  }) as { TargetGroups: { TargetGroupArn: string }[] };
  const lbArn = lb.LoadBalancers[0]!.LoadBalancerArn;
  const tgArn = tg.TargetGroups[0]!.TargetGroupArn;
  const listener = t.call('CreateListener', {
    LoadBalancerArn: lbArn,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
  }) as { Listeners: { ListenerArn: string }[] };
  return { lbArn, tgArn, listenerArn: listener.Listeners[0]!.ListenerArn };
};
