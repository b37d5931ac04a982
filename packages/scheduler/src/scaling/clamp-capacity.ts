/** PURE. Min/max always hold: a capacity is clamped into [min, max] before it is applied. */
export const clampCapacity = (capacity: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, capacity));
