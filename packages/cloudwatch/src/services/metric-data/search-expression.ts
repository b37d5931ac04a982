/**
 * SEARCH's query (pure): an optional schema `{Namespace,Dim1,Dim2}` (series with exactly those
 * dimension names, in that namespace) followed by terms, all of which must match: `Name="value"`
 * (MetricName or a dimension) or a bare word found in the namespace, metric name or a dimension value.
 */
import type { MetricSeries } from '@berth/telemetry';

import { ExpressionError } from './metric-expression.js';

export interface SearchQuery {
  readonly namespace?: string;
  readonly dimensionNames?: readonly string[];
  readonly pairs: readonly { readonly name: string; readonly value: string }[];
  readonly words: readonly string[];
}

const unquote = (text: string): string => text.trim().replace(/^"(.*)"$/, '$1');

export const parseSearch = (source: string): SearchQuery => {
  let rest = source.trim();
  let namespace: string | undefined;
  let dimensionNames: string[] | undefined;
  if (rest.startsWith('{')) {
    const close = rest.indexOf('}');
    if (close < 0) throw new ExpressionError('The SEARCH schema is missing its closing brace.');
    const [first = '', ...dims] = rest.slice(1, close).split(',').map(unquote);
    if (!first) throw new ExpressionError('The SEARCH schema must start with a namespace.');
    namespace = first;
    dimensionNames = dims.filter((d) => d !== '');
    rest = rest.slice(close + 1);
  }
  const pairs: { name: string; value: string }[] = [];
  const words: string[] = [];
  for (const match of rest.matchAll(/([A-Za-z0-9_.\-/:]+)\s*=\s*("[^"]*"|[^\s"]+)|("[^"]*"|[^\s"]+)/g)) {
    if (match[1] !== undefined && match[2] !== undefined)
      pairs.push({ name: match[1], value: unquote(match[2]) });
    else if (match[3] !== undefined && !['AND', 'and'].includes(match[3])) words.push(unquote(match[3]));
  }
  return {
    ...(namespace !== undefined ? { namespace } : {}),
    ...(dimensionNames ? { dimensionNames } : {}),
    pairs,
    words,
  };
};

export const matchesSearch = (series: MetricSeries, query: SearchQuery): boolean => {
  if (query.namespace !== undefined && series.namespace !== query.namespace) return false;
  if (query.dimensionNames !== undefined) {
    const names = series.dimensions.map((d) => d.name).sort();
    const wanted = [...query.dimensionNames].sort();
    if (names.length !== wanted.length || names.some((n, i) => n !== wanted[i])) return false;
  }
  const pairOk = query.pairs.every(({ name, value }) =>
    name === 'MetricName'
      ? series.metricName === value
      : name === 'Namespace'
        ? series.namespace === value
        : series.dimensions.some((d) => d.name === name && d.value === value),
  );
  const texts = [series.namespace, series.metricName, ...series.dimensions.map((d) => d.value)];
  return pairOk && query.words.every((w) => texts.some((t) => t.includes(w)));
};

/** The label SEARCH gives a series: its dimension values, or its metric name when it has none. */
export const searchLabel = (series: MetricSeries): string =>
  series.dimensions.length > 0 ? series.dimensions.map((d) => d.value).join(' ') : series.metricName;
