import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';

/** One step of a selector: a property, an array index, or `*` (any property or element). */
export type SelectorStep =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'any' };

const STEP = /^(?:\.([A-Za-z0-9_-]+|\*)|\[(\d+|\*)\])/;

/**
 * Parses `$.eventId`, `$.users[0].id`, `$.coordinates[0][1]`, `$.detail-type`, `$.*`, `$.a[*].b`.
 * AWS: selectors start at `$`; names are letters, digits, `-` and `_`; an index follows a
 * property. (impl) At most one `*` per selector, as AWS limits wildcards in selectors.
 */
export function parseSelector(text: string, at: number): SelectorStep[] {
  if (!text.startsWith('$'))
    throw new InvalidFilterPatternError(`selector '${text}' must start with '$'`, at);
  const steps: SelectorStep[] = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    const name = match?.[1];
    const index = match?.[2];
    if (match === null) throw new InvalidFilterPatternError(`malformed selector '${text}'`, at);
    if (index !== undefined && steps.length === 0) {
      throw new InvalidFilterPatternError(`an array index must follow a property in '${text}'`, at);
    }
    if (name === '*' || index === '*') steps.push({ kind: 'any' });
    else if (name !== undefined) steps.push({ kind: 'property', name });
    else steps.push({ kind: 'index', index: Number(index) });
    rest = rest.slice(match[0].length);
  }
  if (steps.length === 0) throw new InvalidFilterPatternError(`selector '${text}' names no property`, at);
  if (steps.filter((step) => step.kind === 'any').length > 1) {
    throw new InvalidFilterPatternError(`selector '${text}' has more than one wildcard`, at);
  }
  return steps;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function children(value: unknown, step: SelectorStep): unknown[] {
  switch (step.kind) {
    case 'property':
      return isObject(value) && Object.hasOwn(value, step.name) ? [value[step.name]] : [];
    case 'index':
      return Array.isArray(value) && step.index < value.length ? [value[step.index] as unknown] : [];
    case 'any':
      // (impl) `*` stands for every element of an array and every property value of an object.
      return Array.isArray(value) ? (value as unknown[]) : isObject(value) ? Object.values(value) : [];
  }
}

/** The values a selector reaches in `root`: none when the path does not exist. */
export function selectValues(root: unknown, steps: readonly SelectorStep[]): unknown[] {
  return steps.reduce<unknown[]>((values, step) => values.flatMap((value) => children(value, step)), [root]);
}

/** The selector written back: `$.a[0].*`. */
export const selectorText = (steps: readonly SelectorStep[]): string =>
  '$' +
  steps
    .map((step) =>
      step.kind === 'property' ? `.${step.name}` : step.kind === 'index' ? `[${step.index}]` : '.*',
    )
    .join('');
