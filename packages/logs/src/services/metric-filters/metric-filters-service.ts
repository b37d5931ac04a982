/**
 * Metric filters: Put/Describe/Delete/TestMetricFilter, and the metric data a PutLogEvents
 * batch publishes through them (one sink call per namespace and batch, never one per event).
 */
import type { GroupFilterRecord, LogScope } from '@berth/telemetry';
import type {
  DeleteMetricFilterRequest,
  DescribeMetricFiltersRequest,
  MetricFilter,
  PutMetricFilterRequest,
  TestMetricFilterRequest,
  TestMetricFilterResponse,
} from '@berth/wire/logs';

import type { ExtractingPattern } from '../filter-pattern/compile-filter-pattern.js';
import { pageOfFilters } from '../filter-pages.js';
import { putGroupFilter } from '../group-filters.js';
import { checkGroupName, checkLimit } from '../log-names.js';
import { filterNotFound, invalidParameter, logGroupNotFound } from '../logs-errors.js';
import type { ServiceDeps } from '../service-deps.js';

import type { LogMetricSink } from './log-metric-sink.js';
import { metricDatumsOf, type IngestedEvent } from './metric-datums.js';
import {
  checkFilterName,
  checkFilterPattern,
  checkPutMetricFilter,
  checkText,
  MAX_METRIC_FILTERS_PER_GROUP,
  type MetricFilterDefinition,
} from './metric-filter-rules.js';

const MAX_TEST_MESSAGES = 50;
/** CloudWatch takes no datum older than two weeks; a minute's start may fall just past it. */
const OLDEST_DATUM_MS = 14 * 86_400_000 - 60_000;
const MAX_DATA_PER_PUT = 1000;
const MAX_CACHED_PATTERNS = 1000;

/** The stored body: what checkPutMetricFilter made of the request. */
const definitionOf = (record: GroupFilterRecord): MetricFilterDefinition =>
  record.body as unknown as MetricFilterDefinition;

export class MetricFiltersService {
  private readonly compiled = new Map<string, ExtractingPattern>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly sink: LogMetricSink,
    private readonly log: (message: string, fields?: Record<string, unknown>) => void,
  ) {}

  async put(scope: LogScope, request: PutMetricFilterRequest): Promise<void> {
    const { groupName, filterName, definition } = checkPutMetricFilter(request);
    await putGroupFilter(this.deps, scope, {
      kind: 'metric',
      limit: MAX_METRIC_FILTERS_PER_GROUP,
      groupName,
      name: filterName,
      body: { ...definition },
    });
  }

  async describe(
    scope: LogScope,
    request: DescribeMetricFiltersRequest,
  ): Promise<{ items: MetricFilter[]; nextToken?: string }> {
    const groupName = request.logGroupName !== undefined ? checkGroupName(request.logGroupName) : undefined;
    const prefix =
      request.filterNamePrefix !== undefined
        ? checkText(request.filterNamePrefix, 'filterNamePrefix', 512)
        : '';
    if ((request.metricName === undefined) !== (request.metricNamespace === undefined)) {
      throw invalidParameter('metricName and metricNamespace must be specified together.');
    }
    const limit = checkLimit(request.limit, 50);
    if (groupName !== undefined && !(await this.deps.store.getGroup(scope, groupName)))
      throw logGroupNotFound();
    const all = await this.deps.store.listGroupFilters(
      scope,
      'metric',
      groupName !== undefined ? { groupName } : {},
    );
    // CloudWatch Logs applies filterNamePrefix only with a logGroupName.
    const byName = groupName !== undefined ? prefix : '';
    const wanted = all.filter((f) => {
      const t = definitionOf(f).metricTransformations[0];
      return (
        f.name.startsWith(byName) &&
        (request.metricName === undefined ||
          (t?.metricName === request.metricName && t.metricNamespace === request.metricNamespace))
      );
    });
    const page = pageOfFilters(wanted, limit, request.nextToken);
    return {
      items: page.items.map((f) => ({
        filterName: f.name,
        filterPattern: definitionOf(f).filterPattern,
        metricTransformations: [...definitionOf(f).metricTransformations],
        creationTime: f.creationTime,
        logGroupName: f.groupName,
        applyOnTransformedLogs: false,
      })),
      ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}),
    };
  }

  async delete(scope: LogScope, request: DeleteMetricFilterRequest): Promise<void> {
    const groupName = checkGroupName(request.logGroupName);
    const filterName = checkFilterName(request.filterName);
    if (!(await this.deps.store.getGroup(scope, groupName))) throw logGroupNotFound();
    if (!(await this.deps.store.deleteGroupFilter(scope, 'metric', groupName, filterName)))
      throw filterNotFound();
  }

  test(request: TestMetricFilterRequest): TestMetricFilterResponse {
    const pattern = checkFilterPattern(request.filterPattern);
    const messages = request.logEventMessages;
    if (!Array.isArray(messages) || messages.length < 1 || messages.length > MAX_TEST_MESSAGES) {
      throw invalidParameter(`logEventMessages must hold between 1 and ${MAX_TEST_MESSAGES} messages.`);
    }
    const matches: NonNullable<TestMetricFilterResponse['matches']> = [];
    messages.forEach((message, i) => {
      const match = typeof message === 'string' ? pattern.match(message) : undefined;
      if (match)
        matches.push({
          eventNumber: i + 1,
          eventMessage: message,
          extractedValues: { ...match.extractedValues },
        });
    });
    return { matches };
  }

  /**
   * Publishes what the group's metric filters extract from events just stored. A failure to
   * publish is logged, never the caller's: the events are stored either way.
   */
  async publish(scope: LogScope, groupName: string, events: readonly IngestedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      const filters = await this.deps.store.listGroupFilters(scope, 'metric', { groupName });
      if (filters.length === 0) return;
      const compiled = filters.map((f) => {
        const definition = definitionOf(f);
        return {
          pattern: this.patternOf(definition.filterPattern),
          transformation: definition.metricTransformations[0]!,
        };
      });
      const oldest = this.deps.now() - OLDEST_DATUM_MS;
      for (const [namespace, data] of metricDatumsOf(compiled, events)) {
        const kept = data.filter((datum) => datum.Timestamp * 1000 >= oldest);
        for (let at = 0; at < kept.length; at += MAX_DATA_PER_PUT) {
          await this.sink.putMetricData(scope, namespace, kept.slice(at, at + MAX_DATA_PER_PUT));
        }
      }
    } catch (error) {
      this.log('metric filters: publishing failed', { groupName, error: String(error) });
    }
  }

  private patternOf(text: string): ExtractingPattern {
    const held = this.compiled.get(text);
    if (held) return held;
    if (this.compiled.size >= MAX_CACHED_PATTERNS) this.compiled.clear();
    const pattern = checkFilterPattern(text);
    this.compiled.set(text, pattern);
    return pattern;
  }
}
