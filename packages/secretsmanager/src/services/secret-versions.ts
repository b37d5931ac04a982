/**
 * Staging labels over a secret's versions, as Secrets Manager moves them: a label names at most
 * one version; when AWSCURRENT moves, the version that had it becomes AWSPREVIOUS; versions left
 * without labels are deprecated, and the oldest of them are dropped past 100 versions.
 */
import type { SecretRecord, SecretVersionRecord } from '../records/secret-records.js';

import { invalidParameter, invalidRequest, secretValueNotFound, versionNotFound } from './secret-errors.js';

export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
const MAX_VERSIONS = 100;

const withStages = (v: SecretVersionRecord, stages: readonly string[]): SecretVersionRecord => ({
  ...v,
  stages,
});

/** Drops the oldest deprecated versions beyond the limit. */
const pruned = (versions: readonly SecretVersionRecord[]): SecretVersionRecord[] => {
  const kept = [...versions];
  while (kept.length > MAX_VERSIONS) {
    const oldestDeprecated = kept.findIndex((v) => v.stages.length === 0);
    if (oldestDeprecated < 0) break;
    kept.splice(oldestDeprecated, 1);
  }
  return kept;
};

/**
 * `versions` with `stage` moved onto `targetId` (taken off whichever version had it); moving
 * AWSCURRENT makes its former holder AWSPREVIOUS.
 */
export const moveStage = (
  versions: readonly SecretVersionRecord[],
  stage: string,
  targetId: string,
): SecretVersionRecord[] => {
  const holder = versions.find((v) => v.stages.includes(stage));
  if (holder?.versionId === targetId) return [...versions];
  const demoteCurrent = stage === AWSCURRENT && holder !== undefined;
  return versions.map((v) => {
    let stages = v.stages.filter((s) => s !== stage);
    if (demoteCurrent) {
      stages = stages.filter((s) => s !== AWSPREVIOUS);
      if (v.versionId === holder.versionId) stages = [...stages, AWSPREVIOUS];
    }
    if (v.versionId === targetId) stages = [...stages, stage];
    return withStages(v, stages);
  });
};

/** `versions` plus `added`, which takes each of `stages`. */
export const addVersion = (
  versions: readonly SecretVersionRecord[],
  added: Omit<SecretVersionRecord, 'stages'>,
  stages: readonly string[],
): SecretVersionRecord[] => {
  let next: SecretVersionRecord[] = [...versions, { ...added, stages: [] }];
  for (const stage of stages) next = moveStage(next, stage, added.versionId);
  return pruned(next);
};

/** `versions` with `stage` taken off `versionId`. */
export const removeStage = (
  versions: readonly SecretVersionRecord[],
  stage: string,
  versionId: string,
): SecretVersionRecord[] =>
  versions.map((v) =>
    v.versionId === versionId
      ? withStages(
          v,
          v.stages.filter((s) => s !== stage),
        )
      : v,
  );

/** The version GetSecretValue answers: by id, by stage, or AWSCURRENT. */
export const selectVersion = (
  record: SecretRecord,
  versionId: string | undefined,
  versionStage: string | undefined,
): SecretVersionRecord => {
  if (versionId !== undefined) {
    const version = record.versions.find((v) => v.versionId === versionId);
    if (version === undefined) throw versionNotFound(versionId);
    if (versionStage !== undefined && !version.stages.includes(versionStage)) {
      throw invalidRequest('You provided a VersionStage that is not associated to the provided VersionId.');
    }
    return version;
  }
  const stage = versionStage ?? AWSCURRENT;
  const version = record.versions.find((v) => v.stages.includes(stage));
  if (version === undefined) throw secretValueNotFound(stage);
  return version;
};

/** The stages a request asks for, checked (1–20 labels of 1–256 characters). */
export const checkStages = (stages: readonly string[] | undefined): readonly string[] => {
  if (stages === undefined) return [AWSCURRENT];
  if (stages.length < 1 || stages.length > 20) {
    throw invalidParameter('VersionStages must contain between 1 and 20 staging labels.');
  }
  for (const stage of stages) {
    if (typeof stage !== 'string' || stage.length < 1 || stage.length > 256) {
      throw invalidParameter('A staging label must be between 1 and 256 characters long.');
    }
  }
  return [...new Set(stages)];
};
