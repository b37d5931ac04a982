/**
 * IAM's glob: `*` matches any run of characters (including none, `/` and `:`), `?` exactly one.
 * A pattern is a list of parts so that text which must match literally (a policy variable's
 * value, the `${*}` escape) can sit beside wildcards.
 */
export type PatternPart = string | { readonly wildcard: '*' | '?' };

export const STAR: PatternPart = { wildcard: '*' };
export const QUESTION: PatternPart = { wildcard: '?' };

/** Splits a plain pattern string into literal runs and wildcards. */
export const parseWildcardPattern = (pattern: string): PatternPart[] => {
  const parts: PatternPart[] = [];
  let literal = '';
  for (const char of pattern) {
    if (char === '*' || char === '?') {
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push(char === '*' ? STAR : QUESTION);
    } else {
      literal += char;
    }
  }
  if (literal !== '') parts.push(literal);
  return parts;
};

type Token = { readonly kind: 'char'; readonly char: string } | { readonly kind: '*' | '?' };

const tokenize = (parts: readonly PatternPart[], ignoreCase: boolean): Token[] =>
  parts.flatMap((part): Token[] =>
    typeof part === 'string'
      ? Array.from(ignoreCase ? part.toLowerCase() : part, (char) => ({ kind: 'char', char }))
      : [{ kind: part.wildcard }],
  );

/**
 * Whether `value` matches the whole pattern. Linear-space greedy matcher with backtracking to
 * the last `*` (no regular expressions, so no pathological patterns). Characters are code points.
 */
export const matchPatternParts = (
  parts: readonly PatternPart[],
  value: string,
  options: { readonly ignoreCase?: boolean } = {},
): boolean => {
  const ignoreCase = options.ignoreCase === true;
  const tokens = tokenize(parts, ignoreCase);
  const chars = Array.from(ignoreCase ? value.toLowerCase() : value);
  let t = 0;
  let c = 0;
  let starAt = -1;
  let starChar = 0;
  while (c < chars.length) {
    const token = tokens[t];
    if (token !== undefined && token.kind === '*') {
      starAt = t;
      starChar = c;
      t += 1;
    } else if (
      token !== undefined &&
      (token.kind === '?' || (token.kind === 'char' && token.char === chars[c]))
    ) {
      t += 1;
      c += 1;
    } else if (starAt >= 0) {
      t = starAt + 1;
      starChar += 1;
      c = starChar;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === '*') t += 1;
  return t === tokens.length;
};

/** `wildcardMatch('ecs:Describe*', 'ecs:DescribeTasks')`: a plain pattern string against a value. */
export const wildcardMatch = (
  pattern: string,
  value: string,
  options: { readonly ignoreCase?: boolean } = {},
): boolean => matchPatternParts(parseWildcardPattern(pattern), value, options);
