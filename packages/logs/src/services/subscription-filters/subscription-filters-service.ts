/**
 * Subscription filters: Put/Describe/DeleteSubscriptionFilter, checked as CloudWatch Logs checks
 * them (at most two per group, a destination ARN, a distribution) and stored. Berth has no
 * Kinesis, Firehose or Lambda, so it delivers no events to them: a filter is stored and described,
 * never acted on (README and the API doc say so).
 */
import type { LogScope } from '@berth/telemetry';
import type {
  DeleteSubscriptionFilterRequest,
  DescribeSubscriptionFiltersRequest,
  Distribution,
  PutSubscriptionFilterRequest,
  SubscriptionFilter,
} from '@berth/wire/logs';

import { compileFilterPattern, InvalidFilterPatternError } from '../filter-pattern/compile-filter-pattern.js';
import { pageOfFilters } from '../filter-pages.js';
import { putGroupFilter } from '../group-filters.js';
import { checkGroupName, checkLimit } from '../log-names.js';
import {
  constraintError,
  filterNotFound,
  invalidParameter,
  logGroupNotFound,
  notSupported,
} from '../logs-errors.js';
import { checkFilterName, checkText } from '../metric-filters/metric-filter-rules.js';
import type { ServiceDeps } from '../service-deps.js';

export const MAX_SUBSCRIPTION_FILTERS_PER_GROUP = 2;
const DISTRIBUTIONS: readonly Distribution[] = ['Random', 'ByLogStream'];
const ARN = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:.+$/;

interface SubscriptionDefinition {
  readonly filterPattern: string;
  readonly destinationArn: string;
  readonly roleArn?: string;
  readonly distribution: Distribution;
}

const checkDefinition = (request: PutSubscriptionFilterRequest): SubscriptionDefinition => {
  if (typeof request.filterPattern !== 'string') throw invalidParameter('filterPattern is required.');
  if (request.filterPattern.length > 1024)
    throw constraintError(
      request.filterPattern,
      'filterPattern',
      'Member must have length less than or equal to 1024',
    );
  try {
    compileFilterPattern(request.filterPattern);
  } catch (error) {
    if (error instanceof InvalidFilterPatternError)
      throw invalidParameter('Invalid subscription filter pattern');
    throw error;
  }
  const destinationArn = checkText(request.destinationArn, 'destinationArn', 1024);
  if (!ARN.test(destinationArn)) throw invalidParameter(`Invalid destinationArn: ${destinationArn}`);
  const roleArn = request.roleArn !== undefined ? checkText(request.roleArn, 'roleArn', 2048) : undefined;
  const distribution = request.distribution ?? 'ByLogStream';
  if (!DISTRIBUTIONS.includes(distribution)) {
    throw constraintError(
      distribution,
      'distribution',
      'Member must satisfy enum value set: [Random, ByLogStream]',
    );
  }
  if (request.applyOnTransformedLogs === true)
    throw notSupported('applyOnTransformedLogs', 'Berth has no log transformers');
  if (request.fieldSelectionCriteria !== undefined || request.emitSystemFields !== undefined) {
    throw notSupported('fieldSelectionCriteria and emitSystemFields', 'Berth emits no system fields');
  }
  return {
    filterPattern: request.filterPattern,
    destinationArn,
    ...(roleArn ? { roleArn } : {}),
    distribution,
  };
};

export class SubscriptionFiltersService {
  constructor(private readonly deps: ServiceDeps) {}

  async put(scope: LogScope, request: PutSubscriptionFilterRequest): Promise<void> {
    const groupName = checkGroupName(request.logGroupName);
    const filterName = checkFilterName(request.filterName);
    const definition = checkDefinition(request);
    await putGroupFilter(this.deps, scope, {
      kind: 'subscription',
      limit: MAX_SUBSCRIPTION_FILTERS_PER_GROUP,
      groupName,
      name: filterName,
      body: { ...definition },
    });
  }

  async describe(
    scope: LogScope,
    request: DescribeSubscriptionFiltersRequest,
  ): Promise<{ items: SubscriptionFilter[]; nextToken?: string }> {
    const groupName = checkGroupName(request.logGroupName);
    const prefix =
      request.filterNamePrefix !== undefined
        ? checkText(request.filterNamePrefix, 'filterNamePrefix', 512)
        : '';
    const limit = checkLimit(request.limit, 50);
    if (!(await this.deps.store.getGroup(scope, groupName))) throw logGroupNotFound();
    const filters = (await this.deps.store.listGroupFilters(scope, 'subscription', { groupName })).filter(
      (f) => f.name.startsWith(prefix),
    );
    const page = pageOfFilters(filters, limit, request.nextToken);
    return {
      items: page.items.map((f) => ({
        filterName: f.name,
        logGroupName: f.groupName,
        ...(f.body as unknown as SubscriptionDefinition),
        applyOnTransformedLogs: false,
        creationTime: f.creationTime,
      })),
      ...(page.nextToken !== undefined ? { nextToken: page.nextToken } : {}),
    };
  }

  async delete(scope: LogScope, request: DeleteSubscriptionFilterRequest): Promise<void> {
    const groupName = checkGroupName(request.logGroupName);
    const filterName = checkFilterName(request.filterName);
    if (!(await this.deps.store.getGroup(scope, groupName))) throw logGroupNotFound();
    if (!(await this.deps.store.deleteGroupFilter(scope, 'subscription', groupName, filterName)))
      throw filterNotFound();
  }
}
