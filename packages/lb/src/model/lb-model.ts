/**
 * The data plane's desired state: what Berth's ELBv2 records say every listener should do, in a
 * form that has already been validated and sorted. The HAProxy renderer, the runtime driver and
 * the pure rule matcher all read this one model; nothing in it is HAProxy-specific.
 */

export interface DataPlaneModel {
  readonly loadBalancers: readonly LoadBalancerPlan[];
  readonly targetGroups: readonly TargetGroupPlan[];
}

export interface LoadBalancerPlan {
  /** The short id of the load balancer (the last part of its ARN). */
  readonly id: string;
  readonly name: string;
  readonly listeners: readonly ListenerPlan[];
}

export interface ListenerPlan {
  /** The short id of the listener (the last part of its ARN). */
  readonly id: string;
  /** The loopback address the listener binds, e.g. 127.0.0.1. */
  readonly bindAddress: string;
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  /** HTTPS: a PEM file holding the certificate chain and its private key. */
  readonly certificatePemPath?: string;
  /** Rules in evaluation order: ascending priority, then the default rule (always last). */
  readonly rules: readonly RulePlan[];
}

export interface RulePlan {
  readonly priority: number | 'default';
  /** ANDed; the values inside one condition are ORed. Empty for the default rule. */
  readonly conditions: readonly RuleCondition[];
  /** The terminal action (forward, fixed-response or redirect). */
  readonly action: RuleAction;
}

export type RuleCondition =
  | { readonly field: 'host-header'; readonly values: readonly string[] }
  | { readonly field: 'path-pattern'; readonly values: readonly string[] }
  | { readonly field: 'http-header'; readonly headerName: string; readonly values: readonly string[] }
  | { readonly field: 'http-request-method'; readonly values: readonly string[] }
  | {
      readonly field: 'query-string';
      readonly values: readonly { readonly key?: string; readonly value: string }[];
    }
  | { readonly field: 'source-ip'; readonly values: readonly string[] };

export type RuleAction =
  | {
      readonly type: 'forward';
      readonly targetGroups: readonly { readonly id: string; readonly weight: number }[];
      /** Target-group stickiness (the AWSALBTG cookie), when enabled. */
      readonly stickinessSeconds?: number;
    }
  | {
      readonly type: 'fixed-response';
      readonly statusCode: number;
      readonly contentType?: string;
      readonly messageBody?: string;
    }
  | {
      readonly type: 'redirect';
      /** Each may hold ALB's #{protocol}, #{host}, #{port}, #{path}, #{query} placeholders. */
      readonly protocol: string;
      readonly host: string;
      readonly port: string;
      readonly path: string;
      readonly query: string;
      readonly statusCode: 301 | 302;
    };

export interface TargetGroupPlan {
  /** The short id of the target group (the last part of its ARN). */
  readonly id: string;
  readonly name: string;
  readonly algorithm: 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
  readonly stickiness?:
    | { readonly type: 'lb_cookie'; readonly durationSeconds: number }
    | { readonly type: 'app_cookie'; readonly cookieName: string; readonly durationSeconds: number };
  /** Registered targets (draining ones included) with the routing state Berth decided. */
  readonly servers: readonly ServerPlan[];
}

/** One registered target as the data plane sees it. */
export interface ServerPlan {
  /** Stable per (target group, target id, port): see serverName(). */
  readonly name: string;
  readonly address: string;
  readonly port: number;
  /** ready: takes new requests; drain: finishes what it has; maint: takes nothing. */
  readonly state: 'ready' | 'drain' | 'maint';
  /** 1–256 (HAProxy's range); slow start ramps it. */
  readonly weight: number;
}

/** The HAProxy backend of a target group. */
export const backendName = (targetGroupId: string): string => `tg_${targetGroupId}`;

/** The HAProxy frontend of a listener. */
export const frontendName = (listenerId: string): string => `ls_${listenerId}`;

/** A target's server name inside its backend: its address and port, which identify it in a target group. */
export const serverName = (address: string, port: number): string =>
  `t_${address.replace(/[.:]/g, '_')}_${port}`;
