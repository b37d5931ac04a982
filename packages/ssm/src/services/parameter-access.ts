/** Finding parameters by name or reference (ARN, `:version`, `:label`) and writing them back. */
import { partitionKey, type Partition } from '@berth/core';
import type { StoreReader, StoreTransaction } from '@berth/store';

import {
  SSM_KIND,
  parameterKey,
  type ParameterRecord,
  type ParameterVersionRecord,
} from '../records/parameter-records.js';

import { parseReference, type Selector } from './parameter-names.js';
import { parameterNotFound, parameterVersionNotFound } from './ssm-errors.js';

export const findParameter = (
  reader: StoreReader,
  partition: Partition,
  name: string,
): ParameterRecord | undefined =>
  reader.get<ParameterRecord>(SSM_KIND.parameter, parameterKey(partitionKey(partition), name));

export const requireParameter = (
  reader: StoreReader,
  partition: Partition,
  name: string,
): ParameterRecord => {
  const found = findParameter(reader, partition, name);
  if (found === undefined) throw parameterNotFound();
  return found;
};

export const currentVersion = (record: ParameterRecord): ParameterVersionRecord =>
  record.versions[record.versions.length - 1] as ParameterVersionRecord;

export interface Resolved {
  readonly record: ParameterRecord;
  readonly version: ParameterVersionRecord;
  readonly selector?: Selector;
}

/** The parameter and version a reference names; ParameterNotFound / ParameterVersionNotFound. */
export const resolveReference = (reader: StoreReader, partition: Partition, value: unknown): Resolved => {
  const reference = parseReference(partition, value);
  if (reference === undefined) throw parameterNotFound();
  const record = reference.candidates
    .map((name) => findParameter(reader, partition, name))
    .find((r) => r !== undefined);
  if (record === undefined) throw parameterNotFound();
  const { selector } = reference;
  if (selector === undefined) return { record, version: currentVersion(record) };
  const version =
    selector.kind === 'version'
      ? record.versions.find((v) => v.version === selector.version)
      : record.versions.find((v) => v.labels.includes(selector.label));
  if (version === undefined) {
    if (selector.kind === 'version') throw parameterVersionNotFound(record.name, selector.version);
    throw parameterNotFound();
  }
  return { record, version, selector };
};

/** The record a name or ARN (no selector) names. */
export const resolveRecord = (reader: StoreReader, partition: Partition, value: unknown): ParameterRecord => {
  const reference = parseReference(partition, value);
  if (reference === undefined || reference.selector !== undefined) throw parameterNotFound();
  const record = reference.candidates
    .map((name) => findParameter(reader, partition, name))
    .find((r) => r !== undefined);
  if (record === undefined) throw parameterNotFound();
  return record;
};

export const putParameterRecord = (
  tx: StoreTransaction,
  partition: Partition,
  record: ParameterRecord,
): void => {
  const pk = partitionKey(partition);
  tx.put(SSM_KIND.parameter, parameterKey(pk, record.name), pk, record);
};

export const deleteParameterRecord = (tx: StoreTransaction, partition: Partition, name: string): void => {
  tx.delete(SSM_KIND.parameter, parameterKey(partitionKey(partition), name));
};

export const listParameters = (reader: StoreReader, partition: Partition): ParameterRecord[] =>
  reader
    .list<ParameterRecord>(SSM_KIND.parameter, partitionKey(partition))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
