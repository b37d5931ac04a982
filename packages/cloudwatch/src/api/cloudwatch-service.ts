/**
 * The CloudWatch API for the gateway, on all three of its protocols (rpcv2Cbor, JSON 1.0 and
 * awsQuery: one handler per operation, the codecs do the rest): the metric and alarm operations, and every
 * other operation of the model answered as not implemented yet.
 */
import type { ApiService, Operation } from '@berth/gateway';
import { CLOUDWATCH_MODEL } from '@berth/wire/cloudwatch';

import type { CloudWatchServices } from './cloudwatch-services.js';
import { alarmOperations } from './alarm-operations.js';
import { metricOperations } from './metric-operations.js';
import { unsupportedOperations } from './unsupported-operations.js';

export const cloudWatchService = (services: CloudWatchServices): ApiService => ({
  model: CLOUDWATCH_MODEL,
  operations: new Map<string, Operation>([
    ...unsupportedOperations(),
    ...Object.entries(metricOperations(services)),
    ...Object.entries(alarmOperations(services)),
  ]),
});
