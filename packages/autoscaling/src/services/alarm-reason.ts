/**
 * Reads the evaluated datapoints and the threshold of a CloudWatch alarm's state: from its
 * StateReasonData (`{"recentDatapoints":[…],"threshold":70,…}`) when the action carries it, else
 * out of the state reason, which CloudWatch words as "Threshold Crossed: 3 datapoints [85.2
 * (03/12/26 14:02:00), 81.0 (…)] were greater than the threshold (70.0)." Step scaling chooses its
 * step from them, as Application Auto Scaling does from the alarm's state.
 */
export interface AlarmReading {
  readonly datapoints: readonly number[];
  readonly threshold: number;
}

const DATAPOINTS = /\[([^\]]*)\]/;
const THRESHOLD = /threshold \((-?[\d.]+(?:[eE][-+]?\d+)?)\)/;

const fromReasonData = (reasonData: string | undefined): AlarmReading | undefined => {
  if (reasonData === undefined) return undefined;
  try {
    const data = JSON.parse(reasonData) as { recentDatapoints?: unknown; threshold?: unknown };
    const points = Array.isArray(data.recentDatapoints)
      ? data.recentDatapoints.filter((n): n is number => typeof n === 'number' && Number.isFinite(n))
      : [];
    if (points.length === 0 || typeof data.threshold !== 'number') return undefined;
    return { datapoints: points, threshold: data.threshold };
  } catch {
    return undefined;
  }
};

export const readAlarmReason = (reason: string, reasonData?: string): AlarmReading | undefined => {
  const structured = fromReasonData(reasonData);
  if (structured) return structured;
  const threshold = THRESHOLD.exec(reason)?.[1];
  const list = DATAPOINTS.exec(reason)?.[1];
  if (threshold === undefined || list === undefined) return undefined;
  const datapoints = list
    .split(/\),?\s*/)
    .map((part) => Number.parseFloat(part.trim()))
    .filter((n) => Number.isFinite(n));
  if (datapoints.length === 0) return undefined;
  return { datapoints, threshold: Number(threshold) };
};

export const aggregate = (values: readonly number[], how: 'Average' | 'Minimum' | 'Maximum'): number => {
  if (how === 'Minimum') return Math.min(...values);
  if (how === 'Maximum') return Math.max(...values);
  return values.reduce((sum, v) => sum + v, 0) / values.length;
};
