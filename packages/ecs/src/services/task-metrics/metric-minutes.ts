/** PURE. Which minutes (or 10-s periods) are ready to fold: ended, and given a little time for late samples. */
export const MINUTE_MS = 60_000;

/** A sample taken just before a minute ends may still be on its way (agent send timeout). */
export const LATE_SAMPLE_ALLOWANCE_MS = 10_000;

/** How far back a first fold reaches, and how long samples are kept. */
export const MAX_MINUTES_BEHIND = 5;

/** The high-resolution fold period: 10 s, the finest period a CloudWatch alarm evaluates. */
export const HIGH_RESOLUTION_PERIOD_MS = 10_000;

export const minuteStart = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/**
 * The starts (epoch ms, ascending) of the periods (a minute, or HIGH_RESOLUTION_PERIOD_MS) to fold
 * now: those after `lastFolded` (the start of the period folded last, if any) that ended at least
 * the allowance ago, reaching back at most MAX_MINUTES_BEHIND minutes.
 */
export const periodsToFold = (
  lastFolded: number | undefined,
  nowMs: number,
  periodMs = MINUTE_MS,
): number[] => {
  const newestReady = Math.floor((nowMs - LATE_SAMPLE_ALLOWANCE_MS) / periodMs) * periodMs - periodMs;
  const oldest = Math.max(
    lastFolded === undefined ? newestReady : lastFolded + periodMs,
    newestReady - (MAX_MINUTES_BEHIND * MINUTE_MS - periodMs),
  );
  const periods: number[] = [];
  for (let start = oldest; start <= newestReady; start += periodMs) periods.push(start);
  return periods;
};

export const minutesToFold = (lastFolded: number | undefined, nowMs: number): number[] =>
  periodsToFold(lastFolded, nowMs, MINUTE_MS);
