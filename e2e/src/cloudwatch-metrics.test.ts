/**
 * CloudWatch metrics through every wire form CloudWatch clients send: metrics put with the aws CLI
 * read back by boto3 (JSON 1.0), the aws CLI, `@aws-sdk/client-cloudwatch`, a Query request (form
 * in, XML out) and an rpcv2Cbor request give the same datapoints — the ones the puts imply — and
 * the same errors.
 */
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { decode, encode } from 'cbor-x';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServer, TEST_CREDENTIALS, TEST_REGION, type BerthProcess } from './support/berth-process.js';
import { awsOk, python } from './support/clients.js';
import { signedRequest } from './support/signed-call.js';

const NAMESPACE = 'Berth/E2E';
const METRIC = 'Latency';
const DIMENSION = { Name: 'Service', Value: 'web' };
const STATISTICS = ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'] as const;

interface Point {
  readonly t: number;
  readonly Average: number;
  readonly Maximum: number;
  readonly Minimum: number;
  readonly Sum: number;
  readonly SampleCount: number;
  readonly Unit: string;
}

let berth: BerthProcess;
/** Three whole minutes, ten minutes ago. */
const base = Math.floor(Date.now() / 60_000) * 60 - 600;
const start = base - 60;
const end = base + 240;
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

const EXPECTED: Point[] = [
  { t: base, Average: 15, Maximum: 20, Minimum: 10, Sum: 30, SampleCount: 2, Unit: 'Milliseconds' },
  { t: base + 60, Average: 30, Maximum: 30, Minimum: 30, Sum: 30, SampleCount: 1, Unit: 'Milliseconds' },
  { t: base + 120, Average: 25, Maximum: 50, Minimum: 5, Sum: 100, SampleCount: 4, Unit: 'Milliseconds' },
];

const point = (t: number, source: Record<string, unknown>): Point => ({
  t,
  Average: Number(source.Average),
  Maximum: Number(source.Maximum),
  Minimum: Number(source.Minimum),
  Sum: Number(source.Sum),
  SampleCount: Number(source.SampleCount),
  Unit: String(source.Unit),
});
const byTime = (points: Point[]): Point[] => [...points].sort((a, b) => a.t - b.t);

const queryForm = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const statisticsQuery = (period: string): Record<string, string> => ({
  Action: 'GetMetricStatistics',
  Version: '2010-08-01',
  Namespace: NAMESPACE,
  MetricName: METRIC,
  'Dimensions.member.1.Name': DIMENSION.Name,
  'Dimensions.member.1.Value': DIMENSION.Value,
  StartTime: iso(start),
  EndTime: iso(end),
  Period: period,
  ...Object.fromEntries(STATISTICS.map((s, i) => [`Statistics.member.${i + 1}`, s])),
});
const query = (fields: Record<string, string>): Promise<Response> =>
  signedRequest(berth.endpoint, {
    service: 'monitoring',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: queryForm(fields),
  });
const cbor = (operation: string, input: unknown): Promise<Response> =>
  signedRequest(berth.endpoint, {
    service: 'monitoring',
    path: `/service/GraniteServiceVersion20100801/operation/${operation}`,
    headers: {
      'smithy-protocol': 'rpc-v2-cbor',
      'content-type': 'application/cbor',
      accept: 'application/cbor',
    },
    body: encode(input),
  });

/** The `<member>`s of an XML answer's Datapoints, each as its child elements' texts. */
const xmlMembers = (xml: string): Record<string, string>[] =>
  [...xml.matchAll(/<member>([\s\S]*?)<\/member>/g)].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map((f) => [f[1], f[2]])),
  );

beforeAll(async () => {
  berth = await startServer({ agent: false });
  awsOk(berth.env, [
    'cloudwatch',
    'put-metric-data',
    '--namespace',
    NAMESPACE,
    '--metric-data',
    JSON.stringify([
      ...[
        [base + 5, 10],
        [base + 35, 20],
        [base + 70, 30],
      ].map(([t, value]) => ({
        MetricName: METRIC,
        Dimensions: [DIMENSION],
        Timestamp: iso(t ?? 0),
        Value: value,
        Unit: 'Milliseconds',
      })),
      {
        MetricName: METRIC,
        Dimensions: [DIMENSION],
        Timestamp: iso(base + 130),
        StatisticValues: { SampleCount: 4, Sum: 100, Minimum: 5, Maximum: 50 },
        Unit: 'Milliseconds',
      },
    ]),
  ]);
}, 60_000);

afterAll(async () => {
  await berth?.stop();
});

describe('GetMetricStatistics, five clients, one answer', () => {
  it('boto3 (JSON 1.0)', () => {
    const run = python(berth.env, 'cloudwatch_stats.py', [
      NAMESPACE,
      METRIC,
      DIMENSION.Name,
      DIMENSION.Value,
      String(start),
      String(end),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);
  });

  it('the aws CLI', () => {
    const answer = awsOk(berth.env, [
      'cloudwatch',
      'get-metric-statistics',
      '--namespace',
      NAMESPACE,
      '--metric-name',
      METRIC,
      '--dimensions',
      `Name=${DIMENSION.Name},Value=${DIMENSION.Value}`,
      '--start-time',
      iso(start),
      '--end-time',
      iso(end),
      '--period',
      '60',
      '--statistics',
      ...STATISTICS,
    ]);
    // awscli v1 prints timestamps as the wire has them (cli_timestamp_format none): JSON 1.0 epoch seconds.
    const points = answer.Datapoints.map((p: any) => point(p.Timestamp, p));
    expect(byTime(points)).toEqual(EXPECTED);
  });

  it('@aws-sdk/client-cloudwatch, and its error for a bad period', async () => {
    const client = new CloudWatchClient({
      endpoint: berth.endpoint,
      region: TEST_REGION,
      credentials: TEST_CREDENTIALS,
    });
    const input = {
      Namespace: NAMESPACE,
      MetricName: METRIC,
      Dimensions: [DIMENSION],
      StartTime: new Date(start * 1000),
      EndTime: new Date(end * 1000),
      Period: 60,
      Statistics: [...STATISTICS],
    };
    const answer = await client.send(new GetMetricStatisticsCommand(input));
    const points = (answer.Datapoints ?? []).map((p) =>
      point((p.Timestamp?.getTime() ?? 0) / 1000, p as Record<string, unknown>),
    );
    expect(byTime(points)).toEqual(EXPECTED);
    const refused = await client
      .send(new GetMetricStatisticsCommand({ ...input, Period: 61 }))
      .catch((e) => e);
    // awsQueryCompatible: the SDK names the modelled shape, and keeps Query's code from x-amzn-query-error.
    expect(refused.name).toBe('InvalidParameterValueException');
    expect(refused.Code).toBe('InvalidParameterValue');
    expect(refused.$metadata.httpStatusCode).toBe(400);
    client.destroy();
  });

  it('a Query request (form in, XML out), and its ErrorResponse', async () => {
    const response = await query(statisticsQuery('60'));
    const xml = await response.text();
    expect(response.status, xml).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    const points = xmlMembers(xml).map((m) => point(Date.parse(m.Timestamp ?? '') / 1000, m));
    expect(byTime(points)).toEqual(EXPECTED);

    const refused = await query(statisticsQuery('61'));
    const error = await refused.text();
    expect(refused.status).toBe(400);
    expect(error).toMatch(/<ErrorResponse[\s\S]*<Code>InvalidParameterValue<\/Code>/);
  });

  it('an rpcv2Cbor request', async () => {
    const response = await cbor('GetMetricStatistics', {
      Namespace: NAMESPACE,
      MetricName: METRIC,
      Dimensions: [DIMENSION],
      StartTime: new Date(start * 1000),
      EndTime: new Date(end * 1000),
      Period: 60,
      Statistics: [...STATISTICS],
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.status, new TextDecoder().decode(bytes)).toBe(200);
    expect(response.headers.get('smithy-protocol')).toBe('rpc-v2-cbor');
    const answer = decode(bytes) as { Datapoints: Record<string, unknown>[] };
    const points = answer.Datapoints.map((p) => point((p.Timestamp as Date).getTime() / 1000, p));
    expect(byTime(points)).toEqual(EXPECTED);
  });

  it('puts through Query and CBOR too, and lists the metrics', async () => {
    const put = await query({
      Action: 'PutMetricData',
      Version: '2010-08-01',
      Namespace: NAMESPACE,
      'MetricData.member.1.MetricName': 'Queue',
      'MetricData.member.1.Value': '3',
      'MetricData.member.1.Dimensions.member.1.Name': 'Service',
      'MetricData.member.1.Dimensions.member.1.Value': 'query',
    });
    expect(put.status, await put.text()).toBe(200);
    const putCbor = await cbor('PutMetricData', {
      Namespace: NAMESPACE,
      MetricData: [{ MetricName: 'Queue', Value: 4, Dimensions: [{ Name: 'Service', Value: 'cbor' }] }],
    });
    expect(putCbor.status).toBe(200);
    const listed = awsOk(berth.env, ['cloudwatch', 'list-metrics', '--namespace', NAMESPACE]).Metrics;
    expect(
      listed.map((m: any) => `${m.MetricName} ${m.Dimensions.map((d: any) => d.Value).join(',')}`).sort(),
    ).toEqual(['Latency web', 'Queue cbor', 'Queue query']);
  });
});
