/**
 * What Berth keeps of one listener rule, with its conditions and actions already validated and
 * normalised (one form whatever the caller sent; `legacyValues` remembers how to echo it back).
 */

export type ConditionRecord =
  | {
      readonly field: 'host-header' | 'path-pattern';
      readonly values: readonly string[];
      readonly regexValues: readonly string[];
      /** Sent as the legacy top-level `Values` (echoed in both forms, as ELBv2 does). */
      readonly legacyValues: boolean;
    }
  | {
      readonly field: 'http-header';
      readonly headerName: string;
      readonly values: readonly string[];
      readonly regexValues: readonly string[];
    }
  | { readonly field: 'http-request-method'; readonly values: readonly string[] }
  | {
      readonly field: 'query-string';
      readonly values: readonly { readonly key: string | null; readonly value: string }[];
    }
  | { readonly field: 'source-ip'; readonly values: readonly string[] };

export interface ForwardTarget {
  readonly targetGroupArn: string;
  readonly weight: number;
}

export type ActionRecord =
  | {
      readonly type: 'forward';
      readonly order: number;
      readonly targetGroups: readonly ForwardTarget[];
      /** Target-group stickiness (AWSALBTG): null when disabled. */
      readonly stickinessSeconds: number | null;
    }
  | {
      readonly type: 'fixed-response';
      readonly order: number;
      readonly statusCode: string;
      readonly contentType: string | null;
      readonly messageBody: string | null;
    }
  | {
      readonly type: 'redirect';
      readonly order: number;
      readonly protocol: string;
      readonly port: string;
      readonly host: string;
      readonly path: string;
      readonly query: string;
      readonly statusCode: 'HTTP_301' | 'HTTP_302';
    };

export interface RuleRecord {
  readonly arn: string;
  readonly listenerArn: string;
  readonly loadBalancerArn: string;
  readonly partitionKey: string;
  /** 1–50000, or 'default' for the listener's default rule (evaluated last, never deleted). */
  readonly priority: number | 'default';
  /** Empty for the default rule. */
  readonly conditions: readonly ConditionRecord[];
  readonly actions: readonly ActionRecord[];
}

/** Rules in evaluation order: ascending priority, the default rule last. */
export const evaluationOrder = (rules: readonly RuleRecord[]): RuleRecord[] =>
  [...rules].sort((a, b) =>
    a.priority === 'default' ? 1 : b.priority === 'default' ? -1 : a.priority - b.priority,
  );
