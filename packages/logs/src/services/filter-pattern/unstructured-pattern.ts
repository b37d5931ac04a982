import { InvalidFilterPatternError } from './invalid-filter-pattern-error.js';

/** The terms of a text pattern such as `ERROR "Failed to" -Exiting` or `?ERROR ?WARN`. */
export interface UnstructuredPattern {
  /** Every one must appear. */
  readonly required: readonly string[];
  /** `?term`: at least one must appear, when there are no required terms. */
  readonly optional: readonly string[];
  /** `-term`: none may appear. */
  readonly excluded: readonly string[];
}

const BARE_TERM = /^[A-Za-z0-9_]+$/;
const SPACE = /\s/;

interface RawTerm {
  readonly text: string;
  readonly quoted: boolean;
  readonly at: number;
  readonly end: number;
}

function readQuoted(pattern: string, start: number): RawTerm {
  let text = '';
  for (let at = start + 1; at < pattern.length; at += 1) {
    const char = pattern.charAt(at);
    const next = pattern.charAt(at + 1);
    if (char === '"') return { text, quoted: true, at: start, end: at + 1 };
    if (char === '\\' && (next === '"' || next === '\\')) {
      text += next;
      at += 1;
    } else {
      text += char;
    }
  }
  throw new InvalidFilterPatternError('unterminated quoted phrase', start);
}

function readTerm(pattern: string, start: number): RawTerm {
  let at = start;
  while (at < pattern.length && SPACE.test(pattern.charAt(at))) at += 1;
  if (at >= pattern.length)
    throw new InvalidFilterPatternError("'-' or '?' must be followed by a term", start);
  if (pattern.charAt(at) === '"') return readQuoted(pattern, at);
  let end = at;
  while (end < pattern.length && !SPACE.test(pattern.charAt(end))) end += 1;
  const text = pattern.slice(at, end);
  if (!BARE_TERM.test(text)) {
    throw new InvalidFilterPatternError(
      `term '${text}' has characters other than letters, digits and '_': enclose it in double quotes`,
      at,
    );
  }
  return { text, quoted: false, at, end };
}

/**
 * Parses a pattern of terms and `"quoted phrases"` separated by whitespace, each optionally
 * prefixed with `-` (exclude) or `?` (any of). AWS: unquoted terms hold only letters, digits and
 * `_`; anything else must be quoted. (impl) `-` may be followed by spaces (`"ERROR" - "Exiting"`
 * in AWS's examples), `\"` and `\\` escape inside quotes, and a blank phrase (`" "`, which AWS
 * documents as matching everything) adds no term.
 */
export function parseUnstructuredPattern(pattern: string): UnstructuredPattern {
  const terms = { required: [] as string[], optional: [] as string[], excluded: [] as string[] };
  let at = 0;
  while (at < pattern.length) {
    const char = pattern.charAt(at);
    if (SPACE.test(char)) {
      at += 1;
      continue;
    }
    const prefixed = char === '-' || char === '?';
    const term = prefixed ? readTerm(pattern, at + 1) : readTerm(pattern, at);
    if (prefixed && char === '?' && term.at !== at + 1) {
      throw new InvalidFilterPatternError("'?' must be directly followed by a term", at);
    }
    const list = char === '-' ? terms.excluded : char === '?' ? terms.optional : terms.required;
    if (!(term.quoted && term.text.trim() === '')) list.push(term.text);
    at = term.end;
  }
  return terms;
}

/**
 * Case-sensitive substring matching. (impl) When a pattern mixes plain terms with `?terms`, the
 * `?terms` are ignored, as AWS was reported to do; AWS's own examples never mix them.
 */
export function matchesUnstructuredPattern(pattern: UnstructuredPattern, message: string): boolean {
  const has = (term: string): boolean => message.includes(term);
  if (pattern.excluded.some(has)) return false;
  if (pattern.required.length > 0) return pattern.required.every(has);
  return pattern.optional.length === 0 || pattern.optional.some(has);
}
