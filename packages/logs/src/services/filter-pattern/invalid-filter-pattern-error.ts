/** Thrown by `compileFilterPattern` when a pattern is not valid filter-pattern syntax. */
export class InvalidFilterPatternError extends Error {
  /** Offset in the pattern where the problem was found, when known. */
  readonly position: number | undefined;

  constructor(problem: string, position?: number) {
    super(
      position === undefined
        ? `Invalid filter pattern: ${problem}`
        : `Invalid filter pattern: ${problem} (at ${position})`,
    );
    this.name = 'InvalidFilterPatternError';
    this.position = position;
  }
}
