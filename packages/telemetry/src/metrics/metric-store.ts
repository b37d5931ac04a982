/**
 * The metric store: CloudWatch metric points kept as statistic sets (sample count, sum, minimum,
 * maximum) per series (account, region, namespace, metric name, sorted dimensions), unit,
 * storage resolution and period start. Points put into the same bucket merge. Raw values are not
 * kept, so percentiles cannot be answered from it.
 *
 * Times are epoch milliseconds. Asynchronous, so that a PostgreSQL store can implement it.
 */

export interface MetricScope {
  readonly accountId: string;
  readonly region: string;
}

export interface MetricDimension {
  readonly name: string;
  readonly value: string;
}

/** A series: what ListMetrics lists. Dimensions are sorted by name. */
export interface MetricSeries {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly MetricDimension[];
}

export interface StatisticSet {
  readonly sampleCount: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
}

/** The resolutions points are kept at, in seconds: put at 1 or 60, rolled up to 300 and 3600. */
export type StoredResolution = 1 | 60 | 300 | 3600;

export interface MetricPoint {
  readonly series: MetricSeries;
  /** CloudWatch's unit name; `None` when the caller gave none. */
  readonly unit: string;
  readonly resolution: StoredResolution;
  /** The start of the point's bucket: a multiple of `resolution` seconds. */
  readonly periodStart: number;
  readonly statistics: StatisticSet;
}

export interface PointQuery {
  readonly series: MetricSeries;
  /** Inclusive. */
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
  /** Only points of this unit (any unit when absent). */
  readonly unit?: string;
}

export interface SeriesQuery {
  readonly namespace?: string;
  readonly metricName?: string;
  /** Each must be among the series' dimensions; a filter without a value matches any value. */
  readonly dimensions?: readonly { readonly name: string; readonly value?: string }[];
  /** Only series that had a point put at or after this time. */
  readonly activeSince?: number;
}

export interface SweepOutcome {
  /** Points merged into a coarser resolution. */
  readonly rolledUp: number;
  /** Points older than the longest retention, deleted. */
  readonly expired: number;
}

export interface MetricStore {
  /** Merges each point into its bucket's statistic set; `putAt` is when the series was last active. */
  putPoints(scope: MetricScope, points: readonly MetricPoint[], putAt: number): Promise<void>;
  /** The stored points of one series in [from, to), oldest first. */
  readPoints(scope: MetricScope, query: PointQuery): Promise<MetricPoint[]>;
  /** The series matching the query, ordered by namespace, metric name, then dimensions. */
  listSeries(scope: MetricScope, query: SeriesQuery): Promise<MetricSeries[]>;
  /** Rolls points up and deletes the expired ones as CloudWatch's retention says (METRIC_RETENTION). */
  sweep(now: number): Promise<SweepOutcome>;
  close(): void;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * CloudWatch's retention: high-resolution points for 3 hours, then 1-minute points for 15 days,
 * 5-minute points for 63 days and 1-hour points for 455 days. Each step rolls a point older than
 * its `keepFor` into the next resolution (or deletes it at the last).
 */
export const METRIC_RETENTION: readonly {
  readonly resolution: StoredResolution;
  readonly keepFor: number;
  readonly rollInto?: StoredResolution;
}[] = [
  { resolution: 1, keepFor: 3 * HOUR_MS, rollInto: 60 },
  { resolution: 60, keepFor: 15 * DAY_MS, rollInto: 300 },
  { resolution: 300, keepFor: 63 * DAY_MS, rollInto: 3600 },
  { resolution: 3600, keepFor: 455 * DAY_MS },
];

/** The series' dimensions sorted by name (then value): the one spelling a series is kept under. */
export const sortedDimensions = (dimensions: readonly MetricDimension[]): MetricDimension[] =>
  [...dimensions].sort((a, b) =>
    a.name === b.name ? (a.value < b.value ? -1 : 1) : a.name < b.name ? -1 : 1,
  );

/** A series' identity within its namespace and metric name. */
export const dimensionsKey = (dimensions: readonly MetricDimension[]): string =>
  JSON.stringify(sortedDimensions(dimensions).map((d) => [d.name, d.value]));

/** Whether a series has every dimension a query asks for. */
export const hasDimensions = (series: MetricSeries, wanted: SeriesQuery['dimensions']): boolean =>
  (wanted ?? []).every((w) =>
    series.dimensions.some((d) => d.name === w.name && (w.value === undefined || d.value === w.value)),
  );
