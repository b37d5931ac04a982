/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`) in Resource and
 * condition values, for Version 2012-10-17 only; 2008-10-17 documents read `${…}` literally.
 * `${*}`, `${?}` and `${$}` stand for the literal characters. A variable whose key the request
 * lacks (or holds several values for) and that has no default leaves the text unresolved.
 */
import { contextValues, type RequestContext } from './context-values.js';
import type { PolicyDocument } from './policy-types.js';
import { parseWildcardPattern, type PatternPart } from './wildcard-match.js';

const VARIABLE = /\$\{([^}]*)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;
const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

const variableValue = (body: string, context: RequestContext): string | undefined => {
  const escaped = ESCAPES[body];
  if (escaped !== undefined) return escaped;
  const withDefault = WITH_DEFAULT.exec(body);
  const key = withDefault?.[1] ?? body.trim();
  const values = contextValues(context, key);
  if (values?.length === 1) return values[0];
  return withDefault?.[2];
};

/**
 * The text as a wildcard pattern: literal runs keep their `*`/`?` wildcards, substituted values
 * (and escapes) match literally. Undefined when a variable cannot be resolved.
 */
export const resolvePattern = (
  text: string,
  context: RequestContext,
  version: PolicyDocument['version'],
): PatternPart[] | undefined => {
  if (version !== '2012-10-17' || !text.includes('${')) return parseWildcardPattern(text);
  const parts: PatternPart[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const value = variableValue(match[1] ?? '', context);
    if (value === undefined) return undefined;
    parts.push(...parseWildcardPattern(text.slice(last, match.index)));
    if (value !== '') parts.push(value);
    last = match.index + match[0].length;
  }
  parts.push(...parseWildcardPattern(text.slice(last)));
  return parts;
};

/** The text with variables substituted, as a plain string (for exact comparisons). */
export const resolveText = (
  text: string,
  context: RequestContext,
  version: PolicyDocument['version'],
): string | undefined => {
  if (version !== '2012-10-17' || !text.includes('${')) return text;
  let unresolved = false;
  const resolved = text.replace(VARIABLE, (_whole, body: string) => {
    const value = variableValue(body, context);
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved ? undefined : resolved;
};
