/**
 * Parameter names, paths, references and labels, by Systems Manager's rules: names use
 * `a-zA-Z0-9_.-` and `/` for hierarchy (a name with a `/` starts with one; at most 15 levels),
 * never start with `aws` or `ssm` (any case); reads may name a parameter by its ARN and pick a
 * version with `name:<version>` or `name:<label>`.
 */
import type { Partition } from '@berth/core';

import { parameterArnPrefix } from '../records/parameter-arns.js';

import { constraint, hierarchyLevelLimitExceeded, validation } from './ssm-errors.js';

const NAME_RULE =
  'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';
const PATH_RULE =
  'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.';
const SEGMENT = /^[A-Za-z0-9_.-]+$/;
const RESERVED = /^(aws|ssm)/i;
const MAX_LEVELS = 15;

const segmentsOf = (name: string): string[] => (name.startsWith('/') ? name.slice(1) : name).split('/');

/** A name a parameter may be written under. */
export const requireParameterName = (value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw constraint('name', 'Member must have length greater than or equal to 1', value);
  }
  if (value.length > 2048)
    throw constraint('name', 'Member must have length less than or equal to 2048', value);
  const segments = segmentsOf(value);
  if ((value.includes('/') && !value.startsWith('/')) || !segments.every((s) => SEGMENT.test(s))) {
    throw validation(NAME_RULE);
  }
  if (RESERVED.test(segments[0] ?? '')) throw validation(NAME_RULE);
  if (segments.length > MAX_LEVELS) throw hierarchyLevelLimitExceeded();
  return value;
};

/** A path GetParametersByPath reads under (`/` or `/a/b`, with or without a trailing slash). */
export const requirePath = (value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0) {
    throw constraint('path', 'Member must have length greater than or equal to 1', value);
  }
  if (value === '/') return value;
  const trimmed = value.endsWith('/') ? value.slice(0, -1) : value;
  if (!trimmed.startsWith('/') || !segmentsOf(trimmed).every((s) => SEGMENT.test(s)))
    throw validation(PATH_RULE);
  if (segmentsOf(trimmed).length > MAX_LEVELS) throw hierarchyLevelLimitExceeded();
  return trimmed;
};

export type Selector =
  | { readonly kind: 'version'; readonly version: number; readonly text: string }
  | { readonly kind: 'label'; readonly label: string; readonly text: string };

export interface ParameterReference {
  /** The names the reference may mean, first match wins (an ARN's `parameter/a` is `a` or `/a`). */
  readonly candidates: readonly string[];
  readonly selector?: Selector;
}

/**
 * What a read names: a name or this partition's parameter ARN, optionally with `:<version>` or
 * `:<label>`. Undefined when it cannot name a parameter here (another partition's ARN, empty).
 */
export const parseReference = (partition: Partition, value: unknown): ParameterReference | undefined => {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  let rest = value;
  let fromArn = false;
  if (value.startsWith('arn:')) {
    const prefix = parameterArnPrefix(partition);
    if (!value.startsWith(prefix)) return undefined;
    rest = value.slice(prefix.length);
    fromArn = true;
  }
  let selector: Selector | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    const text = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    selector = /^[0-9]+$/.test(text)
      ? { kind: 'version', version: Number(text), text: `:${text}` }
      : { kind: 'label', label: text, text: `:${text}` };
  }
  if (rest.length === 0) return undefined;
  const candidates = !fromArn ? [rest] : rest.includes('/') ? [`/${rest}`] : [rest, `/${rest}`];
  return { candidates, ...(selector !== undefined ? { selector } : {}) };
};

/** Whether `label` may label a parameter version (AWS's rules); invalid ones are reported back. */
export const isValidLabel = (label: unknown): label is string =>
  typeof label === 'string' &&
  label.length >= 1 &&
  label.length <= 100 &&
  /^[A-Za-z0-9_.-]+$/.test(label) &&
  !RESERVED.test(label) &&
  !/^[0-9]/.test(label);
