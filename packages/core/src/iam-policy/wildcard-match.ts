/**
 * IAM's glob: `*` matches any run of characters (including none and `/`), `?` exactly one; in ARN
 * mode only a `*` that ends a colon-separated segment also runs across colons.
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

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: '*' | '?'; readonly crossesSegments: boolean };

export interface WildcardOptions {
  readonly ignoreCase?: boolean;
  /**
   * ARN mode (`':'`): a `?`, and a `*` in the middle of a segment, stay inside their segment; a
   * `*` that ends a segment (followed by the separator or the end of the pattern) may run across
   * separators, as IAM's Resource element documents.
   */
  readonly segmentSeparator?: string;
}

const tokenize = (parts: readonly PatternPart[], options: WildcardOptions): Token[] => {
  const chars: Token[] = parts.flatMap((part): Token[] =>
    typeof part === 'string'
      ? Array.from(options.ignoreCase === true ? part.toLowerCase() : part, (char) => ({
          kind: 'char',
          char,
        }))
      : [{ kind: part.wildcard, crossesSegments: true }],
  );
  const separator = options.segmentSeparator;
  if (separator === undefined) return chars;
  return chars.map((token, index) => {
    if (token.kind === 'char') return token;
    const next = chars[index + 1];
    const endsSegment = next === undefined || (next.kind === 'char' && next.char === separator);
    return { kind: token.kind, crossesSegments: token.kind === '*' && endsSegment };
  });
};

/**
 * Whether `value` matches the whole pattern: dynamic programming over pattern tokens and value
 * characters (code points), O(pattern × value) time, O(value) space, no regular expressions.
 */
export const matchPatternParts = (
  parts: readonly PatternPart[],
  value: string,
  options: WildcardOptions = {},
): boolean => {
  const tokens = tokenize(parts, options);
  const chars = Array.from(options.ignoreCase === true ? value.toLowerCase() : value);
  const separator = options.segmentSeparator;
  const allows = (token: Token & { kind: '*' | '?' }, char: string): boolean =>
    token.crossesSegments || char !== separator;
  // row[j]: the tokens seen so far match the first j characters.
  let row = chars.map(() => false);
  row.unshift(true);
  for (const token of tokens) {
    const next = row.map(() => false);
    if (token.kind === '*') next[0] = row[0] === true;
    for (let j = 1; j <= chars.length; j += 1) {
      const char = chars[j - 1] ?? '';
      if (token.kind === 'char') next[j] = row[j - 1] === true && token.char === char;
      else if (token.kind === '?') next[j] = row[j - 1] === true && allows(token, char);
      else next[j] = row[j] === true || (next[j - 1] === true && allows(token, char));
    }
    row = next;
  }
  return row[chars.length] === true;
};

/** `wildcardMatch('ecs:Describe*', 'ecs:DescribeTasks')`: a plain pattern string against a value. */
export const wildcardMatch = (pattern: string, value: string, options: WildcardOptions = {}): boolean =>
  matchPatternParts(parseWildcardPattern(pattern), value, options);
