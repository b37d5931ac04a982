/**
 * Task definitions by family and revision: register, resolve, describe, list, deregister, delete.
 * Revisions of a family only grow, even across deregistration and deletion.
 */
import {
  type ApiError,
  clientException,
  invalidParameter,
  partitionKey,
  taskDefinitionArn,
  type Partition,
} from '@berth/core';
import type {
  Failure,
  ListTaskDefinitionFamiliesRequest,
  ListTaskDefinitionsRequest,
  RegisterTaskDefinitionRequest,
  Tag,
  TaskDefinition,
} from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { paginate, type Page } from './pagination.js';
import { KIND, type TaskDefinitionRecord } from './records.js';
import { epochSeconds, type ServiceDeps } from './service-deps.js';
import { validateTags } from './tags.js';
import {
  buildTaskDefinition,
  compareTaskDefinitionArns,
  parseTaskDefinitionReference,
} from './task-definitions/index.js';
import { latestActive, nextRevision } from './task-definitions/family-revisions.js';

const unableToDescribe = (): ApiError => clientException('Unable to describe task definition.');

export class TaskDefinitionRegistry {
  constructor(private readonly deps: ServiceDeps) {}

  register(
    partition: Partition,
    request: RegisterTaskDefinitionRequest,
    registeredBy: string,
  ): { taskDefinition: TaskDefinition; tags: Tag[] } {
    const tags = validateTags(request.tags);
    return this.deps.store.transact((tx) => {
      const revision = nextRevision(this.revisionsOf(tx, partition, request.family));
      const definition = buildTaskDefinition(request, {
        partition,
        revision,
        now: epochSeconds(this.deps.now()),
        registeredBy,
      });
      const record: TaskDefinitionRecord = { partitionKey: partitionKey(partition), definition, tags };
      tx.put(KIND.taskDefinition, definition.taskDefinitionArn ?? '', record.partitionKey, record);
      return { taskDefinition: definition, tags };
    });
  }

  /** The record a reference names: `family` (latest ACTIVE), `family:revision` or an ARN. */
  resolve(reader: StoreReader, partition: Partition, ref: string | undefined): TaskDefinitionRecord {
    if (!ref) throw invalidParameter('taskDefinition can not be blank.');
    const { family, revision } = parseTaskDefinitionReference(ref, partition);
    if (revision !== undefined) {
      const record = reader.get<TaskDefinitionRecord>(
        KIND.taskDefinition,
        taskDefinitionArn(partition, family, revision),
      );
      if (!record) throw unableToDescribe();
      return record;
    }
    const latest = latestActive(this.revisionsOf(reader, partition, family));
    if (!latest) throw unableToDescribe();
    return latest;
  }

  describe(
    partition: Partition,
    ref: string | undefined,
    include: readonly string[],
  ): { taskDefinition: TaskDefinition; tags?: Tag[] } {
    const record = this.resolve(this.deps.store, partition, ref);
    return {
      taskDefinition: record.definition,
      ...(include.includes('TAGS') ? { tags: [...record.tags] } : {}),
    };
  }

  list(partition: Partition, request: ListTaskDefinitionsRequest): Page<string> {
    const status = request.status ?? 'ACTIVE';
    if (!['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'].includes(status))
      throw invalidParameter(`Invalid status: ${status}.`);
    const sort = request.sort ?? 'ASC';
    const arns = this.all(partition)
      .filter((r) => r.definition.status === status)
      .filter((r) => request.familyPrefix === undefined || r.definition.family === request.familyPrefix)
      .map((r) => r.definition.taskDefinitionArn ?? '')
      .sort((a, b) => (sort === 'DESC' ? compareTaskDefinitionArns(b, a) : compareTaskDefinitionArns(a, b)));
    return paginate(arns, request.maxResults, request.nextToken);
  }

  listFamilies(partition: Partition, request: ListTaskDefinitionFamiliesRequest): Page<string> {
    const status = request.status ?? 'ACTIVE';
    if (!['ACTIVE', 'INACTIVE', 'ALL'].includes(status)) throw invalidParameter(`Invalid status: ${status}.`);
    const active = new Set<string>();
    const all = new Set<string>();
    for (const record of this.all(partition)) {
      const family = record.definition.family ?? '';
      all.add(family);
      if (record.definition.status === 'ACTIVE') active.add(family);
    }
    const families = [...all]
      .filter((f) => status === 'ALL' || (status === 'ACTIVE' ? active.has(f) : !active.has(f)))
      .filter((f) => request.familyPrefix === undefined || f.startsWith(request.familyPrefix))
      .sort();
    return paginate(families, request.maxResults, request.nextToken);
  }

  deregister(partition: Partition, ref: string | undefined): TaskDefinition {
    if (!ref) throw invalidParameter('taskDefinition can not be blank.');
    const { revision } = parseTaskDefinitionReference(ref, partition);
    // ECS's wording (moto tests/test_ecs/test_ecs.py, recorded from ECS).
    if (revision === undefined) throw clientException('Revision is missing.');
    return this.deps.store.transact((tx) => {
      const record = this.resolve(tx, partition, ref);
      if (record.definition.status !== 'ACTIVE') return record.definition;
      const definition: TaskDefinition = {
        ...record.definition,
        status: 'INACTIVE',
        deregisteredAt: epochSeconds(this.deps.now()),
      };
      tx.put(KIND.taskDefinition, definition.taskDefinitionArn ?? '', record.partitionKey, {
        ...record,
        definition,
      });
      return definition;
    });
  }

  delete(
    partition: Partition,
    refs: readonly string[],
  ): { taskDefinitions: TaskDefinition[]; failures: Failure[] } {
    // ECS's wordings for the list size and the failures (moto's ECS tests record them).
    if (refs.length === 0)
      throw invalidParameter('size of TaskDefinition references list must be greater than 0');
    if (refs.length > 10) throw invalidParameter('Size of TaskDefinition references list cannot exceed 10');
    return this.deps.store.transact((tx) => {
      const taskDefinitions: TaskDefinition[] = [];
      const failures: Failure[] = [];
      for (const ref of refs) {
        const record = this.deletable(tx, partition, ref);
        if (typeof record === 'string') {
          failures.push({ arn: ref, reason: record });
          continue;
        }
        if (record.definition.status === 'ACTIVE') {
          failures.push({
            arn: record.definition.taskDefinitionArn ?? ref,
            reason:
              'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
          });
          continue;
        }
        const definition: TaskDefinition = { ...record.definition, status: 'DELETE_IN_PROGRESS' };
        tx.put(KIND.taskDefinition, definition.taskDefinitionArn ?? '', record.partitionKey, {
          ...record,
          definition,
        });
        taskDefinitions.push(definition);
      }
      return { taskDefinitions, failures };
    });
  }

  /**
   * The revision DeleteTaskDefinitions names, or why it names none: deletion takes an exact
   * revision (`family:revision` or an ARN with one), never a bare family.
   */
  private deletable(reader: StoreReader, partition: Partition, ref: string): TaskDefinitionRecord | string {
    const invalid =
      'The specified task definition identifier is invalid. Specify a valid name or ARN and try again.';
    let revision: number | undefined;
    try {
      revision = parseTaskDefinitionReference(ref, partition).revision;
    } catch {
      return invalid;
    }
    if (revision === undefined) return invalid;
    try {
      return this.resolve(reader, partition, ref);
    } catch {
      return 'The specified task definition does not exist. Specify a valid account, family, revision and try again.';
    }
  }

  private all(partition: Partition): TaskDefinitionRecord[] {
    return this.deps.store.list<TaskDefinitionRecord>(KIND.taskDefinition, partitionKey(partition));
  }

  private revisionsOf(reader: StoreReader, partition: Partition, family: string): TaskDefinitionRecord[] {
    return reader
      .list<TaskDefinitionRecord>(KIND.taskDefinition, partitionKey(partition))
      .filter((r) => r.definition.family === family);
  }
}
