/**
 * ParameterFilters (DescribeParameters, GetParametersByPath) and DescribeParameters' older
 * Filters. Filters AND; a filter's values OR. Name: Equals, BeginsWith or Contains; Path:
 * OneLevel or Recursive; Type, KeyId, Tier, DataType, Label and `tag:<key>`: Equals (Type and
 * KeyId also BeginsWith). The Label filter selects the labelled version.
 */
import type { ParametersFilter, ParameterStringFilter } from '@berth/wire/ssm';

import type { ParameterRecord, ParameterVersionRecord } from '../records/parameter-records.js';

import { currentVersion } from './parameter-access.js';
import { invalidFilterKey, invalidFilterOption, invalidFilterValue, validation } from './ssm-errors.js';

const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  Name: ['Equals', 'BeginsWith', 'Contains'],
  Path: ['OneLevel', 'Recursive'],
  Type: ['Equals', 'BeginsWith'],
  KeyId: ['Equals', 'BeginsWith'],
  Tier: ['Equals'],
  DataType: ['Equals'],
  Label: ['Equals'],
};

/** Whether `name` is under `path`: directly (OneLevel) or at any depth (Recursive). */
export const isUnder = (name: string, path: string, recursive: boolean): boolean => {
  const prefix = path === '/' ? '/' : `${path}/`;
  if (!name.startsWith(prefix) || name.length === prefix.length) return false;
  return recursive || !name.slice(prefix.length).includes('/');
};

const compare = (option: string, have: string | undefined, want: string): boolean => {
  if (have === undefined) return false;
  if (option === 'BeginsWith') return have.startsWith(want);
  if (option === 'Contains') return have.includes(want);
  return have === want;
};

export interface CheckedFilter {
  readonly key: string;
  readonly option: string;
  readonly values: readonly string[];
}

/** The filters, checked against the keys `allowed` (tag:<key> filters are always allowed). */
export const checkFilters = (
  filters: readonly ParameterStringFilter[] | undefined,
  allowed: readonly string[],
): CheckedFilter[] =>
  (filters ?? []).map((f) => {
    const key = typeof f.Key === 'string' ? f.Key : '';
    const isTag = key.startsWith('tag:') && key.length > 4;
    if (!isTag && !allowed.includes(key)) {
      throw invalidFilterKey(
        `The following filter key is not valid: ${key}. Valid filter keys include: [${allowed.join(', ')}].`,
      );
    }
    const options = isTag ? ['Equals'] : (OPTIONS[key] ?? ['Equals']);
    const option = f.Option ?? options[0] ?? 'Equals';
    if (!options.includes(option)) {
      throw invalidFilterOption(
        `The following filter option is not valid: ${option}. Valid options include: [${options.join(', ')}].`,
      );
    }
    const values = f.Values ?? [];
    if (!isTag && values.length === 0) {
      throw invalidFilterValue(`The following filter values are missing : null for filter key ${key}.`);
    }
    return { key, option, values };
  });

/** DescribeParameters' Filters as ParameterFilters (Name is BeginsWith there). */
export const legacyFilters = (filters: readonly ParametersFilter[] | undefined): ParameterStringFilter[] =>
  (filters ?? []).map((f) => ({
    Key: f.Key,
    Option: f.Key === 'Name' ? 'BeginsWith' : 'Equals',
    Values: f.Values,
  }));

export const eitherFilters = (filters: unknown, parameterFilters: unknown): void => {
  if (
    Array.isArray(filters) &&
    filters.length > 0 &&
    Array.isArray(parameterFilters) &&
    parameterFilters.length > 0
  ) {
    throw validation('You can use either Filters or ParameterFilters in a single request.');
  }
};

/** The version of `record` the filters select (the current one, or the labelled one), or undefined. */
export const selectByFilters = (
  record: ParameterRecord,
  filters: readonly CheckedFilter[],
): ParameterVersionRecord | undefined => {
  let version = currentVersion(record);
  for (const { key, option, values } of filters) {
    if (key === 'Label') {
      const labelled = record.versions.find((v) => v.labels.some((l) => values.includes(l)));
      if (labelled === undefined) return undefined;
      version = labelled;
      continue;
    }
    if (key.startsWith('tag:')) {
      const tag = record.tags[key.slice(4)];
      if (tag === undefined || (values.length > 0 && !values.includes(tag))) return undefined;
      continue;
    }
    if (key === 'Path') {
      const recursive = option === 'Recursive';
      if (!values.some((p) => isUnder(record.name, p === '/' ? p : p.replace(/\/$/, ''), recursive)))
        return undefined;
      continue;
    }
    const have: Readonly<Record<string, string | undefined>> = {
      Name: record.name,
      Type: version.type,
      KeyId: version.keyId,
      Tier: version.tier,
      DataType: version.dataType,
    };
    if (!values.some((want) => compare(option, have[key], want))) return undefined;
  }
  return version;
};
