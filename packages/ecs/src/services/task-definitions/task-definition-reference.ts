/**
 * The `taskDefinition` parameter of DescribeTaskDefinition, DeregisterTaskDefinition, RunTask,
 * CreateService, …: a family (latest ACTIVE revision), `family:revision`, or a full ARN.
 */
import { invalidParameter, parseArn, type Partition } from '@berth/core';

export interface TaskDefinitionReference {
  readonly family: string;
  /** Absent when the reference names only the family. */
  readonly revision?: number;
}

const REVISION = /^\d+$/;

/** Which ARNs a reference may be: task definitions, or (RegisterDaemonTaskDefinition) daemon ones. */
export interface ReferenceKind {
  /** The ARN's resource type. */
  readonly type: 'task-definition' | 'daemon-task-definition';
  /** How messages name it. */
  readonly label: string;
}

const TASK_DEFINITION: ReferenceKind = { type: 'task-definition', label: 'Task Definition' };

/** The `family[:revision]` part of a task definition ARN in this partition. */
const nameFromArn = (text: string, partition: Partition, kind: ReferenceKind): string => {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'ecs' || arn.type !== kind.type || arn.path.length !== 1) {
    throw invalidParameter(`${kind.label} Identifier is invalid`);
  }
  // As ECS words it for identifiers of another account (observed on DescribeTasks).
  if (arn.accountId !== partition.accountId) {
    throw invalidParameter(`Identifier is for ${arn.accountId}. Your accountId is ${partition.accountId}`);
  }
  if (arn.region !== partition.region) {
    throw invalidParameter(`Identifier is for ${arn.region}. Your region is ${partition.region}`);
  }
  return arn.path[0] ?? '';
};

export const parseTaskDefinitionReference = (
  text: unknown,
  partition: Partition,
  kind: ReferenceKind = TASK_DEFINITION,
): TaskDefinitionReference => {
  const blank = `${kind.label} can not be blank.`;
  if (typeof text !== 'string' || text === '') throw invalidParameter(blank);
  const name = text.startsWith('arn:') ? nameFromArn(text, partition, kind) : text;
  const colon = name.indexOf(':');
  const family = colon < 0 ? name : name.slice(0, colon);
  if (family === '') throw invalidParameter(blank);
  if (colon < 0) return { family };
  const revision = name.slice(colon + 1);
  const number = Number(revision);
  if (!REVISION.test(revision) || number < 1 || !Number.isSafeInteger(number)) {
    throw invalidParameter('Invalid revision number.');
  }
  return { family, revision: number };
};
