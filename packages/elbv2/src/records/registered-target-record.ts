/**
 * One target registered in a target group.
 *
 *   RegisterTargets ──▶ registered ──DeregisterTargets──▶ draining ──(deadline)──▶ removed
 *                           ▲                                 │
 *                           └────────── RegisterTargets ──────┘
 */

export interface RegisteredTargetRecord {
  readonly targetGroupArn: string;
  /** An IPv4 address (target type ip) or an instance id (target type instance). */
  readonly id: string;
  readonly port: number;
  readonly availabilityZone: string | null;
  /** Epoch ms of the (latest) registration. */
  readonly registeredAt: number;
  readonly state: 'registered' | 'draining';
  /** draining: epoch ms when the deregistration delay ends and the target is removed; else null. */
  readonly drainDeadline: number | null;
}
