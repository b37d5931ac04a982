/**
 * A service task's load balancer health as the service scheduler sees it: healthy once every
 * target it is registered as is healthy, unhealthy as soon as one is (with which group, port and
 * why), initial before it is registered or while its targets are checked.
 */
import type { Partition } from '@berth/core';
import type { TaskTargetHealth } from '@berth/scheduler';

import type { TaskRecord } from '../records.js';

import type { LoadBalancing } from './load-balancing.js';

export const taskTargetHealth = (
  record: TaskRecord,
  partition: Partition,
  loadBalancing: LoadBalancing,
): TaskTargetHealth => {
  const marks = record.loadBalancerTargets ?? [];
  if (marks.length === 0) return { state: 'initial' };
  let healthy = true;
  for (const mark of marks) {
    const health = loadBalancing.targetHealth(partition, mark.targetGroupArn, mark);
    if (health.state === 'unhealthy') {
      return {
        state: 'unhealthy',
        targetGroupArn: mark.targetGroupArn,
        port: mark.port,
        description: health.description ?? health.reason ?? 'Health checks failed',
      };
    }
    if (health.state !== 'healthy') healthy = false;
  }
  return { state: healthy ? 'healthy' : 'initial' };
};
