/** Log groups: create, describe, delete, retention and tags, per partition. */
import type { LogGroupView, LogScope } from '@berth/telemetry';
import type { LogGroup, ListLogGroupsRequest, LogGroupSummary } from '@berth/wire/logs';

import { logGroupArn } from './log-arns.js';
import { checkGroupName, checkLimit, groupNameOf } from './log-names.js';
import {
  constraintError,
  invalidParameter,
  logGroupExists,
  logGroupNotFound,
  notSupported,
  tooManyTags,
} from './logs-errors.js';
import { decodePageToken, encodePageToken } from './page-tokens.js';
import { checkRetentionDays } from './retention-days.js';
import type { ServiceDeps } from './service-deps.js';

export interface CreateLogGroupRequest {
  readonly logGroupName: string;
  readonly kmsKeyId?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly logGroupClass?: string;
  readonly deletionProtectionEnabled?: boolean;
}

export interface DescribeLogGroupsQuery {
  readonly logGroupNamePrefix?: string;
  readonly logGroupNamePattern?: string;
  /** Names or ARNs of the groups to describe (at most 50); not with a prefix or pattern. */
  readonly logGroupIdentifiers?: readonly string[];
  /** Every Berth group is STANDARD: another class matches none. */
  readonly logGroupClass?: string;
  readonly limit?: number;
  readonly nextToken?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

const MAX_TAGS = 50;

/** A group as DescribeLogGroups shows it: `arn` ends in `:*`, `logGroupArn` does not. */
export const logGroupView = (group: LogGroupView, metricFilterCount = 0): LogGroup => ({
  logGroupName: group.name,
  creationTime: group.creationTime,
  ...(group.retentionInDays !== undefined ? { retentionInDays: group.retentionInDays } : {}),
  metricFilterCount,
  arn: `${group.arn}:*`,
  storedBytes: group.storedBytes,
  ...(group.kmsKeyId !== undefined ? { kmsKeyId: group.kmsKeyId } : {}),
  logGroupClass: 'STANDARD',
  logGroupArn: group.arn,
});

const checkGroupClass = (logGroupClass: string | undefined): void => {
  if (logGroupClass !== undefined && logGroupClass !== 'STANDARD') {
    throw invalidParameter(
      `Berth keeps every log group in the STANDARD class; logGroupClass ${logGroupClass} is not supported.`,
    );
  }
};

export class LogGroupsService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(scope: LogScope, request: CreateLogGroupRequest): Promise<void> {
    const name = checkGroupName(request.logGroupName);
    checkGroupClass(request.logGroupClass);
    if (request.deletionProtectionEnabled === true) {
      throw notSupported(
        'deletion protection',
        'Berth does not keep a deletion-protection setting on log groups',
      );
    }
    const tags = request.tags ?? {};
    if (Object.keys(tags).length > MAX_TAGS) throw tooManyTags(logGroupArn(scope, name));
    const created = await this.deps.store.createGroup(scope, {
      name,
      arn: logGroupArn(scope, name),
      creationTime: this.deps.now(),
      ...(request.kmsKeyId !== undefined ? { kmsKeyId: request.kmsKeyId } : {}),
      tags,
    });
    if (!created) throw logGroupExists();
  }

  /** The group, or ResourceNotFoundException. */
  async get(scope: LogScope, name: string): Promise<LogGroupView> {
    const group = await this.deps.store.getGroup(scope, checkGroupName(name));
    if (!group) throw logGroupNotFound();
    return group;
  }

  async describe(scope: LogScope, query: DescribeLogGroupsQuery): Promise<Page<LogGroup>> {
    if (query.logGroupNamePrefix !== undefined && query.logGroupNamePattern !== undefined) {
      throw invalidParameter(
        'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
      );
    }
    if (query.logGroupIdentifiers !== undefined) return this.describeIdentified(scope, query);
    if (query.logGroupClass !== undefined && query.logGroupClass !== 'STANDARD') return { items: [] };
    const page = await this.page(scope, {
      ...(query.logGroupNamePrefix !== undefined ? { namePrefix: query.logGroupNamePrefix } : {}),
      ...(query.logGroupNamePattern !== undefined ? { nameContains: query.logGroupNamePattern } : {}),
      limit: checkLimit(query.limit, 50),
      nextToken: query.nextToken,
    });
    return {
      items: await this.views(scope, page.items),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  async list(scope: LogScope, request: ListLogGroupsRequest): Promise<Page<LogGroupSummary>> {
    if (request.logGroupClass !== undefined && request.logGroupClass !== 'STANDARD') return { items: [] };
    const page = await this.page(scope, {
      ...(request.logGroupNamePattern !== undefined ? { nameContains: request.logGroupNamePattern } : {}),
      limit: checkLimit(request.limit, 1000, 50),
      nextToken: request.nextToken,
    });
    return {
      items: page.items.map((g) => ({ logGroupName: g.name, logGroupArn: g.arn, logGroupClass: 'STANDARD' })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  async delete(scope: LogScope, name: string): Promise<void> {
    if (!(await this.deps.store.deleteGroup(scope, checkGroupName(name)))) throw logGroupNotFound();
  }

  async putRetention(scope: LogScope, name: string, days: unknown): Promise<void> {
    const retention = checkRetentionDays(days);
    if (!(await this.deps.store.setRetention(scope, checkGroupName(name), retention)))
      throw logGroupNotFound();
  }

  async deleteRetention(scope: LogScope, name: string): Promise<void> {
    if (!(await this.deps.store.setRetention(scope, checkGroupName(name), undefined)))
      throw logGroupNotFound();
  }

  async tags(scope: LogScope, name: string): Promise<Readonly<Record<string, string>>> {
    return (await this.get(scope, name)).tags;
  }

  async tag(scope: LogScope, name: string, tags: unknown): Promise<void> {
    if (typeof tags !== 'object' || tags === null || Array.isArray(tags))
      throw invalidParameter('tags are required.');
    const group = await this.get(scope, name);
    const merged = { ...group.tags, ...(tags as Record<string, string>) };
    if (Object.keys(merged).length > MAX_TAGS) throw tooManyTags(group.arn);
    await this.writeTags(scope, name, merged);
  }

  async untag(scope: LogScope, name: string, keys: unknown): Promise<void> {
    if (!Array.isArray(keys)) throw invalidParameter('tag keys are required.');
    const group = await this.get(scope, name);
    const kept = Object.fromEntries(Object.entries(group.tags).filter(([key]) => !keys.includes(key)));
    await this.writeTags(scope, name, kept);
  }

  /** DescribeLogGroups by name or ARN: the ones that exist, in name order, on one page. */
  private async describeIdentified(scope: LogScope, query: DescribeLogGroupsQuery): Promise<Page<LogGroup>> {
    const identifiers = query.logGroupIdentifiers ?? [];
    if (query.logGroupNamePrefix !== undefined || query.logGroupNamePattern !== undefined) {
      throw invalidParameter('logGroupIdentifiers cannot be combined with a name prefix or pattern.');
    }
    if (identifiers.length > 50) {
      throw constraintError(
        identifiers,
        'logGroupIdentifiers',
        'Member must have length less than or equal to 50',
      );
    }
    const names = [...new Set(identifiers.map((id) => groupNameOf({ logGroupIdentifier: id })))].sort();
    const groups = await Promise.all(names.map((name) => this.deps.store.getGroup(scope, name)));
    return {
      items: await this.views(
        scope,
        groups.filter((g) => g !== undefined),
      ),
    };
  }

  /** The groups as DescribeLogGroups shows them, each with its count of metric filters. */
  private async views(scope: LogScope, groups: readonly LogGroupView[]): Promise<LogGroup[]> {
    const counts = new Map<string, number>();
    if (groups.length > 0) {
      for (const filter of await this.deps.store.listGroupFilters(scope, 'metric', {})) {
        counts.set(filter.groupName, (counts.get(filter.groupName) ?? 0) + 1);
      }
    }
    return groups.map((group) => logGroupView(group, counts.get(group.name) ?? 0));
  }

  private async writeTags(
    scope: LogScope,
    name: string,
    tags: Readonly<Record<string, string>>,
  ): Promise<void> {
    if (!(await this.deps.store.setTags(scope, name, tags))) throw logGroupNotFound();
  }

  private async page(
    scope: LogScope,
    query: { namePrefix?: string; nameContains?: string; limit: number; nextToken: string | undefined },
  ): Promise<Page<LogGroupView>> {
    const after = decodePageToken<{ after: string }>(query.nextToken, { after: 'string' });
    const groups = await this.deps.store.listGroups(scope, {
      ...(query.namePrefix !== undefined ? { namePrefix: query.namePrefix } : {}),
      ...(query.nameContains !== undefined ? { nameContains: query.nameContains } : {}),
      ...(after ? { afterName: after.after } : {}),
      limit: query.limit + 1,
    });
    const items = groups.slice(0, query.limit);
    const last = items[items.length - 1];
    return groups.length > query.limit && last
      ? { items, nextToken: encodePageToken({ after: last.name }) }
      : { items };
  }
}
