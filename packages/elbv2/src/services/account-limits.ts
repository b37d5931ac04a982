/** DescribeAccountLimits: ELBv2 limit names with the quotas Berth enforces (the first two are only reported). */
import type { Limit } from '@berth/wire/elbv2';

import { MAX_CONDITION_VALUES } from './rules/rule-conditions.js';
import { MAX_LISTENERS_PER_LOAD_BALANCER } from './listeners/listeners-service.js';
import { MAX_RULES_PER_LISTENER } from './rules/rules-service.js';
import { MAX_TARGETS_PER_GROUP } from './targets/targets-service.js';

export const ACCOUNT_LIMITS: readonly Limit[] = [
  { Name: 'application-load-balancers', Max: '50' },
  { Name: 'target-groups', Max: '3000' },
  { Name: 'targets-per-application-load-balancer', Max: String(MAX_TARGETS_PER_GROUP) },
  { Name: 'listeners-per-application-load-balancer', Max: String(MAX_LISTENERS_PER_LOAD_BALANCER) },
  { Name: 'rules-per-application-load-balancer', Max: String(MAX_RULES_PER_LISTENER) },
  { Name: 'condition-values-per-alb-rule', Max: String(MAX_CONDITION_VALUES) },
  { Name: 'certificates-per-application-load-balancer', Max: '1' },
  { Name: 'target-groups-per-action-on-application-load-balancer', Max: '5' },
  { Name: 'target-groups-per-application-load-balancer', Max: '100' },
];
