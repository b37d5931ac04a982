/**
 * PURE. Cooldowns, as Application Auto Scaling applies them to ECS services (300 s by default):
 * - scale-out during a scale-in cooldown is allowed (and ends that cooldown);
 * - during a scale-out cooldown, the capacity the last scale-out set counts toward the next
 *   decision: another scale-out goes ahead only if it asks for more than that capacity;
 * - scale-in waits until the scale-in cooldown since the last scale-in, and the scale-out cooldown
 *   since the last scale-out, have both passed.
 * `cap` (a test setting) shortens every cooldown to at most that many seconds.
 */
export const DEFAULT_ECS_COOLDOWN_SECONDS = 300;

export interface ScalingEvent {
  /** Epoch seconds. */
  readonly at: number;
  /** The capacity the event set. */
  readonly capacity: number;
  /** The cooldown of the policy that made it, seconds. */
  readonly cooldown: number;
}

export interface CooldownInput {
  readonly now: number;
  readonly current: number;
  readonly proposed: number;
  readonly lastScaleOut?: ScalingEvent;
  readonly lastScaleIn?: ScalingEvent;
  readonly cap?: number;
}

export type CooldownDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'scale-out cooldown' | 'scale-in cooldown' };

export const effectiveCooldown = (seconds: number | undefined, cap?: number): number =>
  Math.min(seconds ?? DEFAULT_ECS_COOLDOWN_SECONDS, cap ?? Infinity);

const cooling = (event: ScalingEvent | undefined, now: number, cap?: number): boolean =>
  event !== undefined && now < event.at + effectiveCooldown(event.cooldown, cap);

export const cooldownDecision = ({
  now,
  current,
  proposed,
  lastScaleOut,
  lastScaleIn,
  cap,
}: CooldownInput): CooldownDecision => {
  if (proposed > current) {
    if (cooling(lastScaleOut, now, cap) && proposed <= (lastScaleOut?.capacity ?? 0)) {
      return { allowed: false, reason: 'scale-out cooldown' };
    }
    return { allowed: true };
  }
  if (proposed < current) {
    const scaledOutSince =
      lastScaleOut !== undefined && lastScaleIn !== undefined && lastScaleOut.at > lastScaleIn.at;
    if (!scaledOutSince && cooling(lastScaleIn, now, cap))
      return { allowed: false, reason: 'scale-in cooldown' };
    if (cooling(lastScaleOut, now, cap)) return { allowed: false, reason: 'scale-out cooldown' };
  }
  return { allowed: true };
};
