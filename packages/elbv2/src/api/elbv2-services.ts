/** The ELBv2 use cases the handlers call, one service per subject. */
import type { LoadBalancersService } from '../services/load-balancers/load-balancers-service.js';
import type { ListenersService } from '../services/listeners/listeners-service.js';
import type { RulesService } from '../services/rules/rules-service.js';
import type { TagsService } from '../services/tags/tags-service.js';
import type { TargetGroupsService } from '../services/target-groups/target-groups-service.js';
import type { TargetsService } from '../services/targets/targets-service.js';

export interface Elbv2Services {
  readonly loadBalancers: LoadBalancersService;
  readonly listeners: ListenersService;
  readonly rules: RulesService;
  readonly targetGroups: TargetGroupsService;
  readonly targets: TargetsService;
  readonly tags: TagsService;
}
