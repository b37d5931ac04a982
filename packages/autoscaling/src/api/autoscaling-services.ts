/** The use cases the Application Auto Scaling handlers call. */
import type { AlarmActionsService } from '../services/alarm-actions-service.js';
import type { ScalableTargetsService } from '../services/scalable-targets-service.js';
import type { ScalingActivitiesService } from '../services/scaling-activities-service.js';
import type { ScalingPoliciesService } from '../services/scaling-policies-service.js';
import type { ScheduledActionsService } from '../services/scheduled-actions-service.js';
import type { TagsService } from '../services/tags-service.js';

export interface AutoScalingServices {
  readonly targets: ScalableTargetsService;
  readonly policies: ScalingPoliciesService;
  readonly scheduledActions: ScheduledActionsService;
  readonly activities: ScalingActivitiesService;
  readonly tags: TagsService;
  readonly alarmActions: AlarmActionsService;
}
