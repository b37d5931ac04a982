/**
 * Pure validation of rule conditions as ELBv2 does it: the six fields, both the legacy `Values`
 * and the `*Config` forms, at most one each of host-header, path-pattern, http-request-method and
 * source-ip, every string ≤ 128 characters, and each field's characters.
 */
import type { RuleCondition } from '@berth/wire/elbv2';

import type { ConditionRecord } from '../../records/rule-record.js';
import { validationError } from '../elbv2-errors.js';

const FIELDS = [
  'host-header',
  'path-pattern',
  'http-header',
  'http-request-method',
  'query-string',
  'source-ip',
];
const SINGLE = new Set(['host-header', 'path-pattern', 'http-request-method', 'source-ip']);
/** ELBv2's quota on condition values per rule (each value is one match evaluation). */
export const MAX_CONDITION_VALUES = 5;
const CONFIG_OF: Readonly<Record<string, keyof RuleCondition>> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-header': 'HttpHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'query-string': 'QueryStringConfig',
  'source-ip': 'SourceIpConfig',
};
const CONFIGS = Object.values(CONFIG_OF);

const HOST = /^[A-Za-z0-9\-.*?]+$/;
const PATH = /^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/;
const METHOD = /^[A-Z_-]+$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const CIDR4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const CIDR6 = /^[0-9a-fA-F:]+\/(\d{1,3})$/;

const checkLength = (value: string, field: string): string => {
  if (value.length < 1 || value.length > 128)
    throw validationError(`The '${field}' condition values must be between 1 and 128 characters`);
  return value;
};

const checkCidr = (value: string): string => {
  const v4 = CIDR4.exec(value);
  if (v4 && v4.slice(1, 5).every((o) => Number(o) <= 255) && Number(v4[5]) <= 32) return value;
  const v6 = CIDR6.exec(value);
  if (v6 && value.includes(':') && Number(v6[1]) <= 128) return value;
  throw validationError(`The value '${value}' is not a valid CIDR block`);
};

const strings = (values: readonly string[] | undefined, field: string, pattern: RegExp): string[] =>
  (values ?? []).map((v) => {
    checkLength(v, field);
    if (!pattern.test(v))
      throw validationError(`The '${field}' condition value '${v}' contains invalid characters`);
    return v;
  });

/** The condition's config object when the caller used the `*Config` form. */
const configOf = (condition: RuleCondition, field: string): Record<string, unknown> | undefined => {
  const others = CONFIGS.filter((c) => c !== CONFIG_OF[field] && condition[c] !== undefined);
  if (others.length > 0)
    throw validationError(`The '${others[0] ?? ''}' cannot be specified for a '${field}' condition`);
  const name = CONFIG_OF[field];
  const config = name === undefined ? undefined : (condition[name] as Record<string, unknown> | undefined);
  if (config !== undefined && condition.Values !== undefined && condition.Values.length > 0)
    throw validationError(`You cannot specify both 'Values' and '${name ?? ''}' for a '${field}' condition`);
  return config;
};

const oneCondition = (condition: RuleCondition): ConditionRecord => {
  const field = condition.Field;
  if (field === undefined || !FIELDS.includes(field))
    throw validationError(`Condition field '${field ?? ''}' must be one of '[${FIELDS.join(', ')}]'`);
  const config = configOf(condition, field);
  if ((field === 'host-header' || field === 'path-pattern') && config === undefined) {
    const values = condition.Values ?? [];
    if (values.length !== 1)
      throw validationError(`A '${field}' condition using 'Values' must have exactly one value`);
    const pattern = field === 'host-header' ? HOST : PATH;
    return { field, values: strings(values, field, pattern), regexValues: [], legacyValues: true };
  }
  if (config === undefined)
    throw validationError(`A '${field}' condition must specify '${CONFIG_OF[field] ?? ''}'`);
  const values = config['Values'] as unknown[] | undefined;
  const regexValues = strings(config['RegexValues'] as string[] | undefined, field, /^[\s\S]+$/);
  if ((values?.length ?? 0) + regexValues.length === 0)
    throw validationError(`A '${field}' condition must have at least one value`);
  switch (field) {
    case 'host-header': {
      const hosts = strings(values as string[] | undefined, field, HOST);
      return { field, values: hosts, regexValues, legacyValues: false };
    }
    case 'path-pattern':
      return {
        field,
        values: strings(values as string[] | undefined, field, PATH),
        regexValues,
        legacyValues: false,
      };
    case 'http-header': {
      const name = config['HttpHeaderName'];
      if (typeof name !== 'string' || !HEADER_NAME.test(name) || name.length > 40)
        throw validationError('A valid HttpHeaderName must be specified for an http-header condition');
      if (name.toLowerCase() === 'host')
        throw validationError(
          "The 'Host' header cannot be used in an http-header condition; use host-header",
        );
      return {
        field,
        headerName: name,
        values: strings(values as string[] | undefined, field, /^[\s\S]+$/),
        regexValues,
      };
    }
    case 'http-request-method':
      return { field, values: strings(values as string[] | undefined, field, METHOD) };
    case 'query-string':
      return {
        field,
        values: ((values ?? []) as { Key?: string; Value?: string }[]).map((pair) => {
          if (typeof pair.Value !== 'string')
            throw validationError("A query-string condition's key/value pairs must each have a 'Value'");
          checkLength(pair.Value, field);
          if (pair.Key !== undefined) checkLength(pair.Key, field);
          return { key: pair.Key ?? null, value: pair.Value };
        }),
      };
    default:
      return { field: 'source-ip', values: ((values ?? []) as string[]).map(checkCidr) };
  }
};

const valueCount = (c: ConditionRecord): number =>
  c.values.length + ('regexValues' in c ? c.regexValues.length : 0);

/** Validates and normalises a rule's conditions (at least one). */
export const validateConditions = (conditions: readonly RuleCondition[] | undefined): ConditionRecord[] => {
  if (!conditions || conditions.length === 0)
    throw validationError('A rule must have at least one condition');
  const records = conditions.map(oneCondition);
  for (const field of SINGLE)
    if (records.filter((c) => c.field === field).length > 1)
      throw validationError(`A rule can only have one '${field}' condition`);
  const total = records.reduce((n, c) => n + valueCount(c), 0);
  if (total > MAX_CONDITION_VALUES)
    throw validationError(
      `A rule can only have '${MAX_CONDITION_VALUES}' condition values (match evaluations); it has '${total}'`,
    );
  return records;
};
