/**
 * Labels on parameter versions: a label names at most one version of a parameter (labelling
 * another version moves it); a version has at most 10 labels; labels breaking AWS's rules (see
 * isValidLabel) are answered back as InvalidLabels, not applied.
 */
import type { Partition } from '@berth/core';
import type {
  LabelParameterVersionRequest,
  LabelParameterVersionResult,
  UnlabelParameterVersionRequest,
  UnlabelParameterVersionResult,
} from '@berth/wire/ssm';

import type { ParameterRecord } from '../records/parameter-records.js';

import { currentVersion, putParameterRecord, resolveRecord } from './parameter-access.js';
import { isValidLabel } from './parameter-names.js';
import { constraint, labelLimitExceeded, parameterVersionNotFound } from './ssm-errors.js';
import type { ServiceDeps } from './service-deps.js';

const MAX_LABELS = 10;

const requireLabels = (labels: unknown): unknown[] => {
  if (!Array.isArray(labels) || labels.length < 1) {
    throw constraint('labels', 'Member must have length greater than or equal to 1', labels);
  }
  if (labels.length > MAX_LABELS) {
    throw constraint(
      'labels',
      `Member must have length less than or equal to ${MAX_LABELS}`,
      `[${labels.join(', ')}]`,
    );
  }
  return labels;
};

export const labelVersion = (
  deps: ServiceDeps,
  partition: Partition,
  request: LabelParameterVersionRequest,
): LabelParameterVersionResult => {
  const labels = requireLabels(request.Labels);
  const valid = [...new Set(labels.filter(isValidLabel))];
  const invalid = labels.filter((l) => !isValidLabel(l)).map(String);
  return deps.store.transact((tx) => {
    const record = resolveRecord(tx, partition, request.Name);
    const target = request.ParameterVersion ?? currentVersion(record).version;
    const version = record.versions.find((v) => v.version === target);
    if (version === undefined) throw parameterVersionNotFound(record.name, target);
    if (new Set([...version.labels, ...valid]).size > MAX_LABELS) throw labelLimitExceeded();
    if (valid.length > 0) {
      const next: ParameterRecord = {
        ...record,
        versions: record.versions.map((v) => {
          const kept = v.labels.filter((l) => !valid.includes(l));
          return { ...v, labels: v.version === target ? [...kept, ...valid] : kept };
        }),
      };
      putParameterRecord(tx, partition, next);
    }
    return { InvalidLabels: invalid, ParameterVersion: target };
  });
};

export const unlabelVersion = (
  deps: ServiceDeps,
  partition: Partition,
  request: UnlabelParameterVersionRequest,
): UnlabelParameterVersionResult => {
  const labels = requireLabels(request.Labels).map(String);
  if (typeof request.ParameterVersion !== 'number') {
    throw constraint('parameterVersion', 'Member must not be null', request.ParameterVersion);
  }
  const target = request.ParameterVersion;
  return deps.store.transact((tx) => {
    const record = resolveRecord(tx, partition, request.Name);
    const version = record.versions.find((v) => v.version === target);
    if (version === undefined) throw parameterVersionNotFound(record.name, target);
    const removed = labels.filter((l) => version.labels.includes(l));
    const invalid = labels.filter((l) => !version.labels.includes(l));
    if (removed.length > 0) {
      putParameterRecord(tx, partition, {
        ...record,
        versions: record.versions.map((v) =>
          v.version === target ? { ...v, labels: v.labels.filter((l) => !removed.includes(l)) } : v,
        ),
      });
    }
    return { RemovedLabels: removed, InvalidLabels: invalid };
  });
};
