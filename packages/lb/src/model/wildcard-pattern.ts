/**
 * ALB's wildcard patterns, parsed once: `*` is any run of characters (possibly empty), `?` exactly
 * one character, and — where ALB allows escapes (query strings) — `\*`, `\?` and `\\` are literal.
 * The matcher (the oracle) and the HAProxy renderer both read this token list, so they agree on
 * what a pattern means; they then match it independently (a direct matcher here, a regex there).
 */

export type WildcardToken =
  { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'any' } | { readonly kind: 'one' };

export interface WildcardOptions {
  /** Whether `\` escapes the next character (query-string conditions only). */
  readonly escapes: boolean;
}

/** Splits a pattern into literal runs and wildcards; an escape at the very end is a literal `\`. */
export const parseWildcard = (pattern: string, options: WildcardOptions): readonly WildcardToken[] => {
  const tokens: WildcardToken[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') tokens.push({ kind: 'literal', text: literal });
    literal = '';
  };
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (options.escapes && char === '\\' && i + 1 < pattern.length) {
      literal += pattern.charAt(i + 1);
      i += 1;
    } else if (char === '*') {
      flush();
      tokens.push({ kind: 'any' });
    } else if (char === '?') {
      flush();
      tokens.push({ kind: 'one' });
    } else {
      literal += char;
    }
  }
  flush();
  return tokens;
};

/**
 * Whether `text` matches the whole pattern. Greedy matching with one backtrack point per `*`
 * (the classic linear-space algorithm), so no pattern can blow up exponentially.
 */
export const matchWildcard = (
  tokens: readonly WildcardToken[],
  text: string,
  caseInsensitive: boolean,
): boolean => {
  const chars = caseInsensitive ? flatten(tokens, true) : flatten(tokens, false);
  const subject = caseInsensitive ? text.toLowerCase() : text;
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < subject.length) {
    const token = chars[p];
    if (token !== undefined && (token === ONE || (token !== ANY && token === subject.charAt(t)))) {
      p += 1;
      t += 1;
    } else if (token === ANY) {
      starP = p;
      starT = t;
      p += 1;
    } else if (starP >= 0) {
      p = starP + 1;
      starT += 1;
      t = starT;
    } else {
      return false;
    }
  }
  while (chars[p] === ANY) p += 1;
  return p === chars.length;
};

const ANY = Symbol('any');
const ONE = Symbol('one');

const flatten = (tokens: readonly WildcardToken[], lower: boolean): (string | symbol)[] =>
  tokens.flatMap((token): (string | symbol)[] => {
    if (token.kind === 'any') return [ANY];
    if (token.kind === 'one') return [ONE];
    return (lower ? token.text.toLowerCase() : token.text).split('');
  });
