/**
 * Condition operators: the names IAM accepts (with `IfExists` and the `ForAllValues:` /
 * `ForAnyValue:` set qualifiers) and how one operator compares one context value with one
 * policy value. Negated operators (`StringNotEquals`, `NotIpAddress`…) are stored as the
 * positive comparison they negate, so the set logic in condition-block-matches.ts stays uniform.
 */
import { cidrContains, parseCidr } from './ip-cidr.js';
import { matchPatternParts, type PatternPart } from './wildcard-match.js';

/** Resolves policy variables in a policy value (identity for 2008-10-17 documents). */
export interface ValueResolver {
  readonly text: (value: string) => string | undefined;
  readonly pattern: (value: string) => PatternPart[] | undefined;
}

/** true / false, or undefined when the values cannot be compared (not a number, bad CIDR…). */
type Compare = (contextValue: string, policyValue: string, resolve: ValueResolver) => boolean | undefined;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

const parseNumber = (text: string): number | undefined =>
  NUMBER.test(text.trim()) ? Number(text) : undefined;

/** Milliseconds since the epoch from ISO-8601 (no zone = UTC) or epoch seconds. */
export const parseConditionDate = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed) * 1000;
  const parts = ISO_DATE.exec(trimmed);
  if (parts === null) return undefined;
  const [, day, time, zone] = parts;
  const offset = zone === undefined ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const millis = Date.parse(time === undefined ? `${day}T00:00:00Z` : `${day}T${time}${offset}`);
  return Number.isNaN(millis) ? undefined : millis;
};

const numeric =
  (test: (a: number, b: number) => boolean, parse: (text: string) => number | undefined): Compare =>
  (contextValue, policyValue) => {
    const a = parse(contextValue);
    const b = parse(policyValue);
    return a === undefined || b === undefined ? undefined : test(a, b);
  };

const splitArn = (parts: readonly PatternPart[]): PatternPart[][] => {
  const segments: PatternPart[][] = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      segments[segments.length - 1]?.push(part);
      continue;
    }
    const pieces = part.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index > 0) {
        if (segments.length < 6) segments.push([]);
        else segments[5]?.push(':');
      }
      if (piece !== '') segments[segments.length - 1]?.push(piece);
    }
  }
  return segments;
};

/** ArnEquals/ArnLike: each of the six colon-separated parts matched on its own, wildcards allowed. */
const arnLike: Compare = (contextValue, policyValue, resolve) => {
  const pattern = resolve.pattern(policyValue);
  if (pattern === undefined) return undefined;
  const patternSegments = splitArn(pattern);
  if (patternSegments.length < 6) return matchPatternParts(pattern, contextValue);
  const pieces = contextValue.split(':');
  if (pieces.length < 6) return false;
  const valueSegments = [...pieces.slice(0, 5), pieces.slice(5).join(':')];
  return patternSegments.every((segment, index) => matchPatternParts(segment, valueSegments[index] ?? ''));
};

const textEquals =
  (ignoreCase: boolean): Compare =>
  (contextValue, policyValue, resolve) => {
    const wanted = resolve.text(policyValue);
    if (wanted === undefined) return undefined;
    return ignoreCase ? wanted.toLowerCase() === contextValue.toLowerCase() : wanted === contextValue;
  };

const POSITIVE: Readonly<Record<string, Compare>> = {
  StringEquals: textEquals(false),
  StringEqualsIgnoreCase: textEquals(true),
  StringLike: (contextValue, policyValue, resolve) => {
    const pattern = resolve.pattern(policyValue);
    return pattern === undefined ? undefined : matchPatternParts(pattern, contextValue);
  },
  NumericEquals: numeric((a, b) => a === b, parseNumber),
  NumericLessThan: numeric((a, b) => a < b, parseNumber),
  NumericLessThanEquals: numeric((a, b) => a <= b, parseNumber),
  NumericGreaterThan: numeric((a, b) => a > b, parseNumber),
  NumericGreaterThanEquals: numeric((a, b) => a >= b, parseNumber),
  DateEquals: numeric((a, b) => a === b, parseConditionDate),
  DateLessThan: numeric((a, b) => a < b, parseConditionDate),
  DateLessThanEquals: numeric((a, b) => a <= b, parseConditionDate),
  DateGreaterThan: numeric((a, b) => a > b, parseConditionDate),
  DateGreaterThanEquals: numeric((a, b) => a >= b, parseConditionDate),
  Bool: (contextValue, policyValue) => {
    const a = contextValue.trim().toLowerCase();
    const b = policyValue.trim().toLowerCase();
    const isBool = (v: string): boolean => v === 'true' || v === 'false';
    return isBool(a) && isBool(b) ? a === b : undefined;
  },
  BinaryEquals: (contextValue, policyValue) => contextValue === policyValue,
  IpAddress: (contextValue, policyValue) => {
    const block = parseCidr(policyValue);
    return block === undefined ? undefined : cidrContains(block, contextValue);
  },
  ArnEquals: arnLike,
  ArnLike: arnLike,
};

/** Negated operator → the positive comparison it negates. */
const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

export interface ConditionOperator {
  /** The canonical spelling, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly name: string;
  readonly qualifier?: 'ForAllValues' | 'ForAnyValue';
  /** The operator without qualifier or IfExists, e.g. `StringLike`, `Null`. */
  readonly base: string;
  readonly ifExists: boolean;
  readonly negated: boolean;
  /** Absent for `Null`, which tests presence, not values. */
  readonly compare?: Compare;
}

const CANONICAL = new Map(
  [...Object.keys(POSITIVE), ...Object.keys(NEGATED), 'Null'].map((name) => [name.toLowerCase(), name]),
);
const QUALIFIERS = new Map<string, 'ForAllValues' | 'ForAnyValue'>([
  ['forallvalues', 'ForAllValues'],
  ['foranyvalue', 'ForAnyValue'],
]);

/** The operator a Condition block names (case-insensitively), or undefined when IAM has no such operator. */
export const parseConditionOperator = (name: string): ConditionOperator | undefined => {
  const colon = name.indexOf(':');
  const qualifier = colon < 0 ? undefined : QUALIFIERS.get(name.slice(0, colon).toLowerCase());
  if (colon >= 0 && qualifier === undefined) return undefined;
  let rest = name.slice(colon + 1);
  const ifExists = /ifexists$/i.test(rest);
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const base = CANONICAL.get(rest.toLowerCase());
  if (base === undefined || (base === 'Null' && ifExists)) return undefined;
  const positive = NEGATED[base] ?? base;
  const compare = POSITIVE[positive];
  const canonical = `${qualifier === undefined ? '' : `${qualifier}:`}${base}${ifExists ? 'IfExists' : ''}`;
  return {
    name: canonical,
    ...(qualifier === undefined ? {} : { qualifier }),
    base,
    ifExists,
    negated: NEGATED[base] !== undefined,
    ...(compare === undefined ? {} : { compare }),
  };
};
