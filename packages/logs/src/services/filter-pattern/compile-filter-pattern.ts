// Plain terms only for now: the full CloudWatch filter-pattern grammar replaces this file.
/** A filter pattern that does not parse; FilterLogEvents answers it as InvalidParameterException. */
export class InvalidFilterPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFilterPatternError';
  }
}

/** Compiles a pattern to a predicate: empty matches everything; else every term must occur (case-sensitive). */
export const compileFilterPattern = (pattern: string): ((message: string) => boolean) => {
  const terms = pattern.split(/\s+/).filter((term) => term.length > 0);
  return (message) => terms.every((term) => message.includes(term));
};
