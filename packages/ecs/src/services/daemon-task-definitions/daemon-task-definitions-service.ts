/**
 * Daemon task definitions [M RegisterDaemonTaskDefinition, DescribeDaemonTaskDefinition,
 * ListDaemonTaskDefinitions, DeleteDaemonTaskDefinition]: families and revisions, as task
 * definitions have, in a resource of their own.
 *
 *   register ──▶ ACTIVE ──delete──▶ DELETE_IN_PROGRESS ──no daemon uses it──▶ DELETED
 *
 * "Existing daemons that reference the deleted daemon task definition continue to run": a deleted
 * revision stays DELETE_IN_PROGRESS while a daemon's revision uses it; the daemon controller
 * finishes the deletion. Revisions of a family only grow.
 */
import {
  clientException,
  daemonTaskDefinitionArn,
  invalidParameter,
  partitionKey,
  type ApiError,
  type Partition,
} from '@berth/core';
import type {
  DaemonTaskDefinition,
  DaemonTaskDefinitionSummary,
  ListDaemonTaskDefinitionsRequest,
  RegisterDaemonTaskDefinitionRequest,
  Tag,
  TaskDefinition,
} from '@berth/wire/ecs';
import type { StoreReader } from '@berth/store';

import { paginate, type Page } from '../pagination.js';
import { KIND } from '../records.js';
import { epochSeconds, type ServiceDeps } from '../service-deps.js';
import { validateTags } from '../tags.js';
import { compareTaskDefinitionArns, parseTaskDefinitionReference } from '../task-definitions/index.js';

import { buildDaemonTaskDefinition } from './build-daemon-task-definition.js';
import { latestActive, nextRevision } from '../task-definitions/family-revisions.js';

export interface DaemonTaskDefinitionRecord {
  readonly partitionKey: string;
  readonly definition: DaemonTaskDefinition;
  /** What daemon tasks are launched from (the same containers, as a TaskDefinition). */
  readonly taskDefinition: TaskDefinition;
  readonly tags: readonly Tag[];
}

const KIND_OF_REFERENCE = { type: 'daemon-task-definition', label: 'Daemon Task Definition' } as const;
const STATUS_FILTERS = ['ACTIVE', 'DELETE_IN_PROGRESS', 'ALL'];

// (impl) Worded so that clients that look for "not found" / "being deleted" (the Terraform AWS
// provider's daemon task definition resource does) recognise them.
export const daemonTaskDefinitionNotFound = (): ApiError =>
  clientException('The specified daemon task definition was not found.');
const beingDeleted = (): ApiError =>
  clientException('The specified daemon task definition is being deleted or has been deleted.');

export class DaemonTaskDefinitionsService {
  constructor(private readonly deps: ServiceDeps) {}

  register(
    partition: Partition,
    request: RegisterDaemonTaskDefinitionRequest,
    registeredBy: string,
  ): { daemonTaskDefinitionArn: string } {
    const tags = validateTags(request.tags);
    return this.deps.store.transact((tx) => {
      const revision = nextRevision(this.revisionsOf(tx, partition, request.family));
      const built = buildDaemonTaskDefinition(request, {
        partition,
        revision,
        now: epochSeconds(this.deps.now()),
        registeredBy,
      });
      const record: DaemonTaskDefinitionRecord = {
        partitionKey: partitionKey(partition),
        definition: built.daemonTaskDefinition,
        taskDefinition: built.taskDefinition,
        tags,
      };
      const arn = built.daemonTaskDefinition.daemonTaskDefinitionArn ?? '';
      tx.put(KIND.daemonTaskDefinition, arn, record.partitionKey, record);
      return { daemonTaskDefinitionArn: arn };
    });
  }

  /** The record a reference names: `family` (latest ACTIVE), `family:revision` or an ARN. */
  resolve(reader: StoreReader, partition: Partition, ref: unknown): DaemonTaskDefinitionRecord {
    const { family, revision } = parseTaskDefinitionReference(ref, partition, KIND_OF_REFERENCE);
    if (revision !== undefined) {
      const record = reader.get<DaemonTaskDefinitionRecord>(
        KIND.daemonTaskDefinition,
        daemonTaskDefinitionArn(partition, family, revision),
      );
      if (!record) throw daemonTaskDefinitionNotFound();
      return record;
    }
    const latest = latestActive(this.revisionsOf(reader, partition, family));
    if (!latest) throw daemonTaskDefinitionNotFound();
    return latest;
  }

  describe(partition: Partition, ref: unknown): { daemonTaskDefinition: DaemonTaskDefinition } {
    return { daemonTaskDefinition: this.resolve(this.deps.store, partition, ref).definition };
  }

  list(partition: Partition, request: ListDaemonTaskDefinitionsRequest): Page<DaemonTaskDefinitionSummary> {
    const status = request.status ?? 'ACTIVE';
    if (!STATUS_FILTERS.includes(status)) throw invalidParameter(`Invalid status: ${String(status)}.`);
    const sort = request.sort ?? 'ASC';
    if (sort !== 'ASC' && sort !== 'DESC') throw invalidParameter(`Invalid sort: ${String(sort)}.`);
    if (request.revision !== undefined && request.revision !== 'LAST_REGISTERED') {
      throw invalidParameter(`Invalid revision: ${String(request.revision)}.`);
    }
    let records = this.deps.store
      .list<DaemonTaskDefinitionRecord>(KIND.daemonTaskDefinition, partitionKey(partition))
      .filter((r) => status === 'ALL' || r.definition.status === status)
      .filter((r) => request.family === undefined || r.definition.family === request.family)
      .filter(
        (r) =>
          request.familyPrefix === undefined || (r.definition.family ?? '').startsWith(request.familyPrefix),
      );
    if (request.revision === 'LAST_REGISTERED') {
      // (impl) The newest revision of each family among those the status filter keeps.
      const newest = new Map<string, DaemonTaskDefinitionRecord>();
      for (const r of records) {
        const family = r.definition.family ?? '';
        if ((newest.get(family)?.definition.revision ?? 0) < (r.definition.revision ?? 0))
          newest.set(family, r);
      }
      records = [...newest.values()];
    }
    const summaries = records
      .sort((a, b) =>
        compareTaskDefinitionArns(
          a.definition.daemonTaskDefinitionArn ?? '',
          b.definition.daemonTaskDefinitionArn ?? '',
          sort,
        ),
      )
      .map((r) => summaryOf(r.definition));
    return paginate(summaries, request.maxResults, request.nextToken);
  }

  /** DeleteDaemonTaskDefinition: ACTIVE → DELETE_IN_PROGRESS; the daemon controller finishes it. */
  delete(partition: Partition, ref: unknown): { daemonTaskDefinitionArn: string } {
    const { revision } = parseTaskDefinitionReference(ref, partition, KIND_OF_REFERENCE);
    if (revision === undefined) {
      // (impl) As DeregisterTaskDefinition words it.
      throw clientException(
        'Revision is required. Specify the daemon task definition as family:revision or a full ARN.',
      );
    }
    return this.deps.store.transact((tx) => {
      const record = this.resolve(tx, partition, ref);
      if (record.definition.status !== 'ACTIVE') throw beingDeleted();
      const definition: DaemonTaskDefinition = {
        ...record.definition,
        status: 'DELETE_IN_PROGRESS',
        deleteRequestedAt: epochSeconds(this.deps.now()),
      };
      const arn = definition.daemonTaskDefinitionArn ?? '';
      tx.put(KIND.daemonTaskDefinition, arn, record.partitionKey, { ...record, definition });
      return { daemonTaskDefinitionArn: arn };
    });
  }

  private revisionsOf(
    reader: StoreReader,
    partition: Partition,
    family: string,
  ): DaemonTaskDefinitionRecord[] {
    return reader
      .list<DaemonTaskDefinitionRecord>(KIND.daemonTaskDefinition, partitionKey(partition))
      .filter((r) => r.definition.family === family);
  }
}

const summaryOf = (d: DaemonTaskDefinition): DaemonTaskDefinitionSummary => ({
  arn: d.daemonTaskDefinitionArn ?? '',
  ...(d.registeredAt !== undefined ? { registeredAt: d.registeredAt } : {}),
  ...(d.registeredBy !== undefined ? { registeredBy: d.registeredBy } : {}),
  ...(d.deleteRequestedAt !== undefined ? { deleteRequestedAt: d.deleteRequestedAt } : {}),
  ...(d.status !== undefined ? { status: d.status } : {}),
});
