/**
 * The rolling-update bounds [M DeploymentConfiguration; G deployment-type-ecs.md]: during a
 * deployment or while instances drain, healthy tasks stay at or above the floor and RUNNING plus
 * PENDING tasks (across every deployment) at or below the ceiling.
 *   floor   = ceil(desired × minimumHealthyPercent / 100)
 *   ceiling = floor(desired × maximumPercent / 100)
 * Integer arithmetic first, so 2 × 75 % is exactly 1.5 before rounding.
 */
export interface RollingBounds {
  readonly floor: number;
  readonly ceiling: number;
}

export const rollingBounds = (
  desired: number,
  minimumHealthyPercent: number,
  maximumPercent: number,
): RollingBounds => ({
  floor: Math.max(0, Math.ceil((desired * minimumHealthyPercent) / 100)),
  ceiling: Math.max(0, Math.floor((desired * maximumPercent) / 100)),
});
