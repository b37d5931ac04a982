/**
 * Safe spelling of user strings in an HAProxy configuration. Every word that carries user data
 * goes through configWord: printable ASCII that HAProxy's parser gives no meaning to stays as is,
 * everything else (quotes, backslash, '$', '#', control and non-ASCII bytes) becomes a \xNN
 * escape inside double quotes, so no value can end a word, a line or a section. Log-format strings
 * double their '%' first; regexes escape their own metacharacters before that.
 */
import type { WildcardToken } from '../model/wildcard-pattern.js';

const SAFE = /^[A-Za-z0-9 _\-./:,;=+@!~*()[\]{}^|?<>&%]$/;
const encoder = new TextEncoder();

const hexEscape = (char: string): string =>
  [...encoder.encode(char)].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');

/** One configuration word holding `text` exactly, always double-quoted. NUL has no spelling. */
export const configWord = (text: string): string => {
  if (text.includes('\0')) throw new Error('HAProxy configuration values cannot contain NUL');
  let out = '';
  for (const char of text) out += SAFE.test(char) ? char : hexEscape(char);
  return `"${out}"`;
};

/** A literal inside a log-format string (before configWord): '%' must be doubled. */
export const logFormatLiteral = (text: string): string => text.replace(/%/g, '%%');

/**
 * An argument inside a sample fetch's parentheses, e.g. the header name in req.fhdr(<name>). The
 * argument parser treats quotes, backslash, commas and parentheses specially: escape them there,
 * then hex-escape what the top-level parser would interpret.
 */
export const fetchArgument = (text: string): string => {
  if (!/^[\x21-\x7e]+$/.test(text)) throw new Error(`'${text}' cannot be a sample fetch argument`);
  let out = '';
  for (const char of text.replace(/['"\\,()]/g, (c) => `\\${c}`)) {
    out += /^[A-Za-z0-9_\-.:+*^|~!&]$/.test(char) ? char : hexEscape(char);
  }
  return out;
};

export interface RegexClasses {
  /** What `*` repeats and `?` stands for, e.g. '.' or '[^&]'. */
  readonly oneChar: string;
}

const regexLiteral = (text: string): string =>
  text.replace(/[^A-Za-z0-9\u0080-\uffff]/g, (char) => `\\${char}`);

/** An anchored PCRE source for a parsed wildcard pattern (ALB's `*` and `?`). */
export const wildcardRegex = (tokens: readonly WildcardToken[], classes: RegexClasses): string =>
  tokens
    .map((token) => {
      if (token.kind === 'any') return `${classes.oneChar}*`;
      if (token.kind === 'one') return classes.oneChar;
      return regexLiteral(token.text);
    })
    .join('');

/** Names Berth builds (proxies, servers, ACLs) must already be plain: a model bug otherwise. */
export const haproxyName = (name: string): string => {
  if (!/^[A-Za-z0-9_.:-]+$/.test(name)) throw new Error(`'${name}' is not a valid HAProxy name`);
  return name;
};
