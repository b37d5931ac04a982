/** PURE. Which minutes are ready to fold: ended, and given a little time for late samples. */
export const MINUTE_MS = 60_000;

/** A sample taken just before a minute ends may still be on its way (agent send timeout). */
export const LATE_SAMPLE_ALLOWANCE_MS = 10_000;

/** How far back a first fold reaches, and how long samples are kept. */
export const MAX_MINUTES_BEHIND = 5;

export const minuteStart = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/**
 * The starts (epoch ms, ascending) of the minutes to fold now: those after `lastFolded` (the start
 * of the minute folded last, if any) that ended at least the allowance ago, at most MAX_MINUTES_BEHIND.
 */
export const minutesToFold = (lastFolded: number | undefined, nowMs: number): number[] => {
  const newestReady = minuteStart(nowMs - LATE_SAMPLE_ALLOWANCE_MS) - MINUTE_MS;
  const oldest = Math.max(
    lastFolded === undefined ? newestReady : lastFolded + MINUTE_MS,
    newestReady - (MAX_MINUTES_BEHIND - 1) * MINUTE_MS,
  );
  const minutes: number[] = [];
  for (let start = oldest; start <= newestReady; start += MINUTE_MS) minutes.push(start);
  return minutes;
};
