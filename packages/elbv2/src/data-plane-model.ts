/**
 * PURE projection of ELBv2 records to the data plane's model (@berth/lb): each load balancer's
 * listeners with their rules in evaluation order (ascending priority, default last), the target
 * groups those rules forward to with their algorithm and stickiness, and each group's servers from
 * its registered targets. Which targets take traffic is not decided here: the health checker owns
 * that decision and passes it in as `route`.
 */
import type {
  DataPlaneModel,
  ListenerPlan,
  RuleAction,
  RuleCondition,
  RulePlan,
  ServerPlan,
  TargetGroupPlan,
} from '@berth/lb';
import { serverName } from '@berth/lb';

import type { ListenerRecord } from './records/listener-record.js';
import type { LoadBalancerRecord } from './records/load-balancer-record.js';
import type { RegisteredTargetRecord } from './records/registered-target-record.js';
import {
  evaluationOrder,
  type ActionRecord,
  type ConditionRecord,
  type RuleRecord,
} from './records/rule-record.js';
import type { TargetGroupRecord } from './records/target-group-record.js';

/** Every record the data plane needs, read in one snapshot. */
export interface Elbv2Snapshot {
  readonly loadBalancers: readonly LoadBalancerRecord[];
  readonly listeners: readonly ListenerRecord[];
  readonly rules: readonly RuleRecord[];
  readonly targetGroups: readonly TargetGroupRecord[];
  readonly targets: readonly RegisteredTargetRecord[];
}

/** The routing decision for one target (the health checker's): its state and, optionally, weight. */
export interface RouteDecision {
  readonly state: ServerPlan['state'];
  /** 1–256; default 100 (slow start ramps it). */
  readonly weight?: number;
}

export interface ProjectionInputs {
  /** The address a target is reached at: its id for `ip` targets, the resolver's for `instance` ones. */
  readonly addressOf: (target: RegisteredTargetRecord, group: TargetGroupRecord) => string | undefined;
  readonly route: (target: RegisteredTargetRecord, group: TargetGroupRecord) => RouteDecision;
}

const idOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

const condition = (c: ConditionRecord): RuleCondition => {
  switch (c.field) {
    case 'http-header':
      return { field: c.field, headerName: c.headerName, values: c.values };
    case 'query-string':
      return {
        field: c.field,
        values: c.values.map((p) => (p.key === null ? { value: p.value } : { key: p.key, value: p.value })),
      };
    default:
      return { field: c.field, values: c.values };
  }
};

const action = (a: ActionRecord): RuleAction => {
  switch (a.type) {
    case 'forward':
      return {
        type: 'forward',
        targetGroups: a.targetGroups.map((t) => ({ id: idOf(t.targetGroupArn), weight: t.weight })),
        ...(a.stickinessSeconds !== null ? { stickinessSeconds: a.stickinessSeconds } : {}),
      };
    case 'fixed-response':
      return {
        type: 'fixed-response',
        statusCode: Number(a.statusCode),
        ...(a.contentType !== null ? { contentType: a.contentType } : {}),
        ...(a.messageBody !== null ? { messageBody: a.messageBody } : {}),
      };
    case 'redirect':
      return {
        type: 'redirect',
        protocol: a.protocol,
        host: a.host,
        port: a.port,
        path: a.path,
        query: a.query,
        statusCode: a.statusCode === 'HTTP_301' ? 301 : 302,
      };
  }
};

const rulePlan = (rule: RuleRecord): RulePlan | undefined => {
  const terminal = rule.actions[rule.actions.length - 1];
  if (!terminal) return undefined;
  return { priority: rule.priority, conditions: rule.conditions.map(condition), action: action(terminal) };
};

const listenerPlan = (
  lb: LoadBalancerRecord,
  l: ListenerRecord,
  rules: readonly RuleRecord[],
): ListenerPlan => {
  const pem = l.certificates.find((c) => c.isDefault && c.certificateArn.startsWith('file://'));
  return {
    id: l.id,
    bindAddress: lb.address,
    port: l.port,
    protocol: l.protocol,
    ...(pem ? { certificatePemPath: pem.certificateArn.slice('file://'.length) } : {}),
    rules: evaluationOrder(rules.filter((r) => r.listenerArn === l.arn))
      .map(rulePlan)
      .filter((r) => r !== undefined),
  };
};

const stickinessOf = (a: Readonly<Record<string, string>>): TargetGroupPlan['stickiness'] => {
  if (a['stickiness.enabled'] !== 'true') return undefined;
  if (a['stickiness.type'] === 'app_cookie')
    return {
      type: 'app_cookie',
      cookieName: a['stickiness.app_cookie.cookie_name'] ?? '',
      durationSeconds: Number(a['stickiness.app_cookie.duration_seconds'] ?? '86400'),
    };
  return {
    type: 'lb_cookie',
    durationSeconds: Number(a['stickiness.lb_cookie.duration_seconds'] ?? '86400'),
  };
};

const ALGORITHMS = ['round_robin', 'least_outstanding_requests', 'weighted_random'] as const;

const groupPlan = (
  g: TargetGroupRecord,
  targets: readonly RegisteredTargetRecord[],
  inputs: ProjectionInputs,
): TargetGroupPlan => {
  const algorithm =
    ALGORITHMS.find((a) => a === g.attributes['load_balancing.algorithm.type']) ?? 'round_robin';
  const stickiness = stickinessOf(g.attributes);
  const servers: ServerPlan[] = [];
  for (const t of targets) {
    if (t.targetGroupArn !== g.arn) continue;
    const address = inputs.addressOf(t, g);
    if (address === undefined) continue;
    const decision = inputs.route(t, g);
    const weight = Math.min(256, Math.max(1, Math.round(decision.weight ?? 100)));
    servers.push({ name: serverName(address, t.port), address, port: t.port, state: decision.state, weight });
  }
  servers.sort((a, b) => a.name.localeCompare(b.name));
  return { id: g.id, name: g.name, algorithm, ...(stickiness ? { stickiness } : {}), servers };
};

/** The data plane's desired state for a snapshot of ELBv2 records. */
export const dataPlaneModel = (snapshot: Elbv2Snapshot, inputs: ProjectionInputs): DataPlaneModel => {
  const loadBalancers = [...snapshot.loadBalancers]
    .sort((a, b) => a.arn.localeCompare(b.arn))
    .map((lb) => ({
      id: lb.id,
      name: lb.name,
      listeners: snapshot.listeners
        .filter((l) => l.loadBalancerArn === lb.arn)
        .sort((a, b) => a.port - b.port)
        .map((l) => listenerPlan(lb, l, snapshot.rules)),
    }));
  const forwarded = new Set(
    loadBalancers.flatMap((lb) =>
      lb.listeners.flatMap((l) =>
        l.rules.flatMap((r) => (r.action.type === 'forward' ? r.action.targetGroups.map((t) => t.id) : [])),
      ),
    ),
  );
  const targetGroups = snapshot.targetGroups
    .filter((g) => forwarded.has(g.id))
    .sort((a, b) => a.arn.localeCompare(b.arn))
    .map((g) => groupPlan(g, snapshot.targets, inputs));
  return { loadBalancers, targetGroups };
};
