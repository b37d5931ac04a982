import { matchDelimitedPattern, parseDelimitedPattern } from './delimited-pattern.js';
import type { DelimitedField } from './delimited-pattern.js';
import { enclosedPattern } from './enclosed-pattern.js';
import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';
import { matchJsonPattern, parseJsonPattern, selectorsOf } from './json-pattern.js';
import { parseSelector, selectorText, selectValues } from './json-selector.js';
import { matchesUnstructuredPattern, parseUnstructuredPattern } from './unstructured-pattern.js';

/** What a matching event yields: the fields the pattern names, and any field asked for by name. */
export interface PatternMatch {
  /** `$.selector` (JSON) or `$name` / `$n` (space-delimited) → the text of the field. */
  readonly extractedValues: Readonly<Record<string, string>>;
  /** The text a `$…` field reference reaches in this event, or undefined. */
  valueOf(field: string): string | undefined;
}

export interface ExtractingPattern {
  readonly form: 'json' | 'delimited' | 'terms';
  /** The match, or undefined when the event does not match. */
  match(message: string): PatternMatch | undefined;
  /** Whether `$…` names a field this pattern can extract (a selector, or a slot of `[ … ]`). */
  canExtract(field: string): boolean;
}

const NO_VALUES: PatternMatch = { extractedValues: {}, valueOf: () => undefined };

/** A value node as CloudWatch shows it: strings and numbers only. */
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

const selectorOf = (field: string): ReturnType<typeof parseSelector> | undefined => {
  try {
    return parseSelector(field, 0);
  } catch (error) {
    if (error instanceof InvalidFilterPatternError) return undefined;
    throw error;
  }
};

const firstValue = (root: unknown, field: string): string | undefined => {
  const steps = selectorOf(field);
  return steps && textOf(selectValues(root, steps)[0]);
};

function jsonPattern(body: string, offset: number): ExtractingPattern {
  const expression = parseJsonPattern(body, offset);
  const named = [...new Set(selectorsOf(expression).map(selectorText))];
  return {
    form: 'json',
    canExtract: (field) => field.startsWith('$.') && selectorOf(field) !== undefined,
    match: (message) => {
      const root = matchJsonPattern(expression, message);
      if (root === undefined) return undefined;
      const extractedValues: Record<string, string> = {};
      for (const field of named) {
        const value = firstValue(root, field);
        if (value !== undefined) extractedValues[field] = value;
      }
      return { extractedValues, valueOf: (field) => firstValue(root, field) };
    },
  };
}

/** `$name` for a named slot, `$n` (from 1) for any slot. */
const slotIndexOf = (fields: readonly DelimitedField[], field: string): number | undefined => {
  const name = field.slice(1);
  if (/^[1-9]\d*$/.test(name)) return Number(name) <= fields.length ? Number(name) - 1 : undefined;
  const index = fields.findIndex((slot) => slot.kind === 'field' && slot.name === name && name !== '');
  return index >= 0 ? index : undefined;
};

function delimitedPattern(body: string, offset: number): ExtractingPattern {
  const fields = parseDelimitedPattern(body, offset);
  return {
    form: 'delimited',
    canExtract: (field) => field.startsWith('$') && slotIndexOf(fields, field) !== undefined,
    match: (message) => {
      const bound = matchDelimitedPattern(fields, message);
      if (bound === undefined) return undefined;
      const extractedValues: Record<string, string> = {};
      fields.forEach((slot, index) => {
        const value = bound.get(index);
        if (slot.kind === 'field' && value !== undefined)
          extractedValues[slot.name !== '' ? `$${slot.name}` : `$${index + 1}`] = value;
      });
      return {
        extractedValues,
        valueOf: (field) => {
          const index = field.startsWith('$') ? slotIndexOf(fields, field) : undefined;
          return index !== undefined ? bound.get(index) : undefined;
        },
      };
    },
  };
}

/**
 * Compiles a filter pattern for metric filters and TestMetricFilter: the match of an event with
 * the values it extracts. JSON patterns extract by selector (`$.latency`, any selector of the
 * event, the pattern's own listed), space-delimited ones by slot (`$status` or `$3`); terms and
 * phrases extract nothing. Throws `InvalidFilterPatternError` on bad syntax.
 */
export function compileExtractingPattern(pattern: string): ExtractingPattern {
  const json = enclosedPattern(pattern, '{', '}');
  if (json !== undefined) return jsonPattern(json.body, json.offset);
  const delimited = enclosedPattern(pattern, '[', ']');
  if (delimited !== undefined) return delimitedPattern(delimited.body, delimited.offset);
  const terms = parseUnstructuredPattern(pattern);
  return {
    form: 'terms',
    canExtract: () => false,
    match: (message) => (matchesUnstructuredPattern(terms, message) ? NO_VALUES : undefined),
  };
}
