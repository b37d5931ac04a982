/**
 * `berth server --metrics-log <file>`: every metric datum the control plane publishes, appended to
 * the file as one JSON line (`{"Namespace", "AccountId", "Region", ...datum}`).
 */
import { appendFile } from 'node:fs/promises';

import type { MetricSink } from '@berth/ecs';

export const metricsLogSink = (file: string): MetricSink => ({
  putMetricData: async (partition, namespace, data) => {
    const lines = data.map((datum) =>
      JSON.stringify({
        Namespace: namespace,
        AccountId: partition.accountId,
        Region: partition.region,
        ...datum,
      }),
    );
    await appendFile(file, lines.map((line) => `${line}\n`).join(''));
  },
});
