/**
 * A task set's computed desired count [M TaskSet.computedDesiredCount]: the service's
 * desiredCount × the task set's scale percentage, always rounded up (1.2 tasks → 2).
 * The product is first rounded to a millionth of a percent, so binary fractions (3 × 33.3 %, or
 * 1000 × 0.3 %) never push an exact result over the next integer.
 */
export const computedDesiredCount = (desiredCount: number, scalePercent: number): number => {
  if (desiredCount <= 0 || scalePercent <= 0) return 0;
  const microPercent = Math.round(desiredCount * scalePercent * 1_000_000);
  return Math.ceil(microPercent / 100_000_000);
};
