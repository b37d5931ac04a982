/** A value on the right of a comparison: `"quoted"`, or an unquoted word such as `4*` or `-1.5e3`. */
export interface Literal {
  readonly text: string;
  readonly quoted: boolean;
  /** The value as a number when it is an unquoted number without wildcards. */
  readonly number: number | undefined;
}

/** An integer or decimal with optional sign and optional exponent (AWS's NUMBER). */
export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

export function literal(text: string, quoted: boolean): Literal {
  return { text, quoted, number: quoted ? undefined : parseNumber(text) };
}
