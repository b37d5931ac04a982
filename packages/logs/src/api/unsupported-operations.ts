/**
 * CloudWatch Logs operations Berth answers with InvalidOperationException, each saying why:
 * features whose machinery Berth does not run. Each is classed by its name; logs-operations.test.ts
 * checks that every operation of LOGS_MODEL is implemented or classed here.
 */
import type { Operation } from '@berth/gateway';
import { LOGS_OPERATIONS } from '@berth/wire/logs';

import { notSupported } from '../services/logs-errors.js';

type Reason = readonly [what: string, why: string];

/** First match wins. */
const CLASSES: readonly (readonly [RegExp, Reason])[] = [
  [
    /Deliver|ConfigurationTemplates/,
    ['log deliveries', 'Berth delivers no logs to S3, Firehose or other destinations'],
  ],
  [/Destination/, ['subscription destinations', 'Berth has no Kinesis or cross-account log delivery']],
  [/Anomal/, ['log anomaly detection', 'Berth runs no anomaly detector']],
  [
    /Quer(y|ies)|GetLogRecord|GetLogFields|GetLogGroupFields|FieldIndex|IndexPolic|ListAggregateLogGroupSummaries/,
    ['Logs Insights queries', 'Berth has no query engine over log events; use FilterLogEvents'],
  ],
  [/ExportTask/, ['export tasks', 'Berth has no S3 to export log events to']],
  [/ImportTask/, ['import tasks', 'Berth imports no log events from S3']],
  [/DataProtectionPolicy/, ['data protection policies', 'Berth masks no log data']],
  [/AccountPolic/, ['account policies', 'Berth has no account-wide log policies']],
  [/ResourcePolic/, ['resource policies', 'Berth has no IAM policies']],
  [/KmsKey/, ['KMS encryption', 'Berth has no KMS; log events are stored in its own telemetry store']],
  [/Integration/, ['integrations', 'Berth has no OpenSearch or S3 Tables to integrate with']],
  [/Transformer/, ['log transformers', 'Berth stores log events as they are sent']],
  [
    /LiveTail/,
    [
      'Live Tail',
      'Berth serves no event-stream responses; use `berth logs <group> --follow`, which polls FilterLogEvents',
    ],
  ],
  [/GetLogObject/, ['log objects', 'Berth serves no event-stream responses; use GetLogEvents']],
  [/LookupTable/, ['lookup tables', 'Berth has no query engine to look them up in']],
  [/BearerToken/, ['bearer token authentication', 'the gateway authenticates SigV4 signatures only']],
  [
    /DeletionProtection/,
    ['deletion protection', 'Berth does not keep a deletion-protection setting on log groups'],
  ],
];

/** The reason an operation is not supported, or undefined when Berth has none for it. */
export const unsupportedReason = (name: string): Reason | undefined =>
  CLASSES.find(([pattern]) => pattern.test(name))?.[1];

/** Each operation of the model not in `implemented`, with its message (undefined: unclassed). */
export const unsupportedLogsOperations = (
  implemented: ReadonlySet<string>,
): ReadonlyMap<string, string | undefined> =>
  new Map(
    LOGS_OPERATIONS.filter((name) => !implemented.has(name)).map((name) => {
      const reason = unsupportedReason(name);
      return [name, reason && `Berth does not support ${name} (${reason[0]}): ${reason[1]}.`];
    }),
  );

export const unsupportedOperations = (implemented: ReadonlySet<string>): ReadonlyMap<string, Operation> =>
  new Map(
    [...unsupportedLogsOperations(implemented).keys()].map((name): [string, Operation] => {
      const [what, why] = unsupportedReason(name) ?? ['this operation', 'it is not implemented'];
      return [
        name,
        () => {
          throw notSupported(`${name} (${what})`, why);
        },
      ];
    }),
  );
