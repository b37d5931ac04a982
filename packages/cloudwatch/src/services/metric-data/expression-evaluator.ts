/**
 * Evaluates one metric math expression over the other queries' values (pure, given its ports):
 * ids resolve through `resolve`, SEARCH through `search`, METRICS() through `metrics`.
 */
import {
  aggregate,
  arithmetic,
  fill,
  rate,
  scalar,
  seriesArguments,
  type Aggregate,
  type MathValue,
  type TimeSeries,
} from './expression-values.js';
import { ExpressionError, type Expression } from './metric-expression.js';

export interface EvaluationPorts {
  readonly label: string;
  /** The first period's start and the end, epoch milliseconds. */
  readonly start: number;
  readonly end: number;
  resolve(id: string): MathValue;
  search(query: string, statistic: string, period: number): TimeSeries[];
  metrics(): TimeSeries[];
}

const AGGREGATES: readonly string[] = ['SUM', 'AVG', 'MIN', 'MAX'];

const mapSeries = (value: MathValue, f: (s: TimeSeries) => TimeSeries, fn: string): MathValue => {
  if (value.kind === 'series') return { kind: 'series', series: f(value.series) };
  if (value.kind === 'array') return { kind: 'array', series: value.series.map(f) };
  throw new ExpressionError(`${fn} takes a time series or an array of time series.`);
};

const call = (name: string, args: readonly Expression[], ports: EvaluationPorts): MathValue => {
  if (name === 'SEARCH') {
    const [query, statistic, period] = args;
    if (
      query?.kind !== 'string' ||
      statistic?.kind !== 'string' ||
      period?.kind !== 'number' ||
      args.length !== 3
    ) {
      throw new ExpressionError(
        "SEARCH takes a query string, a statistic string and a period: SEARCH('{Namespace} x', 'Average', 60).",
      );
    }
    return { kind: 'array', series: ports.search(query.value, statistic.value, period.value) };
  }
  if (name === 'METRICS') return { kind: 'array', series: ports.metrics() };
  if (name === 'FILL') {
    const [target, with_] = args;
    if (!target || !with_ || args.length !== 2)
      throw new ExpressionError('FILL takes a time series and a value or REPEAT.');
    const filler = with_.kind === 'keyword' && with_.name === 'REPEAT' ? 'REPEAT' : evaluate(with_, ports);
    if (filler !== 'REPEAT' && filler.kind !== 'scalar')
      throw new ExpressionError('FILL fills with a number or REPEAT.');
    const value = filler === 'REPEAT' ? 'REPEAT' : filler.value;
    return mapSeries(evaluate(target, ports), (s) => fill(s, value, ports.start, ports.end), 'FILL');
  }
  const values = args.map((a) => evaluate(a, ports));
  if (name === 'RATE') {
    if (values.length !== 1) throw new ExpressionError('RATE takes one time series.');
    return mapSeries(values[0]!, rate, 'RATE');
  }
  if (AGGREGATES.includes(name)) {
    if (values.length === 0)
      throw new ExpressionError(`${name} takes a time series or an array of time series.`);
    return aggregate(name as Aggregate, values, ports.label);
  }
  throw new ExpressionError(
    `Unknown function ${name}: Berth evaluates SUM, AVG, MIN, MAX, RATE, FILL, METRICS and SEARCH.`,
  );
};

export const evaluate = (expression: Expression, ports: EvaluationPorts): MathValue => {
  switch (expression.kind) {
    case 'number':
      return scalar(expression.value);
    case 'ref':
      return ports.resolve(expression.id);
    case 'negate':
      return arithmetic('*', scalar(-1), evaluate(expression.operand, ports));
    case 'binary':
      return arithmetic(expression.op, evaluate(expression.left, ports), evaluate(expression.right, ports));
    case 'list':
      return { kind: 'array', series: seriesArguments(expression.items.map((i) => evaluate(i, ports))) };
    case 'call':
      return call(expression.name, expression.args, ports);
    case 'string':
      throw new ExpressionError(`A string ('${expression.value}') is only an argument of SEARCH.`);
    case 'keyword':
      throw new ExpressionError(`${expression.name} is not a query id (ids start with a lower-case letter).`);
  }
};
