/**
 * `--since` as `aws logs tail` reads it: a duration back from now (`30s`, `10m`, `2h`, `1d`,
 * `1w`) or a point in time (ISO 8601, e.g. `2024-05-01T12:00:00Z`); epoch milliseconds.
 */
const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export const parseSince = (text: string, now: number): number => {
  const duration = /^(\d+)([smhdw])$/.exec(text.trim());
  if (duration) return now - Number(duration[1]) * UNIT_MS[duration[2]!]!;
  const at = Date.parse(text);
  if (Number.isNaN(at)) {
    throw new Error(`--since ${text}: expected a duration such as 10m, 2h, 1d, or an ISO 8601 time`);
  }
  return at;
};
