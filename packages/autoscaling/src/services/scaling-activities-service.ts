/** DescribeScalingActivities: newest first; not-scaled activities only with IncludeNotScaledActivities. */
import { partitionKey, type Partition } from '@berth/core';
import type { DescribeScalingActivitiesRequest, ScalingActivity } from '@berth/wire/application-autoscaling';

import { AUTOSCALING_KIND, type ScalingActivityRecord } from '../records/scaling-records.js';

import { paginate, type Page } from './pagination.js';
import { activityView } from './scaling-activities.js';
import type { ServiceDeps } from './service-deps.js';
import { checkFilter } from './target-request.js';

export class ScalingActivitiesService {
  constructor(private readonly deps: ServiceDeps) {}

  describe(partition: Partition, request: DescribeScalingActivitiesRequest): Page<ScalingActivity> {
    checkFilter(request);
    const activities = this.deps.store
      .list<ScalingActivityRecord>(AUTOSCALING_KIND.scalingActivity, partitionKey(partition))
      .filter((a) => request.ResourceId === undefined || a.resourceId === request.ResourceId)
      .filter((a) => request.IncludeNotScaledActivities === true || a.notScaledReasons === undefined)
      .sort((a, b) => b.startTime - a.startTime || b.activityId.localeCompare(a.activityId))
      .map(activityView);
    return paginate(activities, request.MaxResults, request.NextToken);
  }
}
