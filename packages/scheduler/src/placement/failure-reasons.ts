/**
 * ECS's `failures[].reason` values for RunTask/StartTask placement ("API failure reasons"):
 * `RESOURCE:<name>` for each exhausted resource, `AGENT` for a disconnected agent, `ATTRIBUTE` for
 * a missing attribute or unsatisfied constraint, `INACTIVE` for a deregistered instance.
 */
export const FailureReason = {
  INACTIVE: 'INACTIVE',
  AGENT: 'AGENT',
  ATTRIBUTE: 'ATTRIBUTE',
  CPU: 'RESOURCE:CPU',
  MEMORY: 'RESOURCE:MEMORY',
  PORTS: 'RESOURCE:PORTS',
  PORTS_UDP: 'RESOURCE:PORTS_UDP',
} as const;

export type FailureReason = (typeof FailureReason)[keyof typeof FailureReason];
