/**
 * ALB's health-check success-code matcher (`Matcher.HttpCode`): a single code ("200"), a list
 * ("200,202") or a range ("200-299"), or a mix of both ("200,300-399"). Parses it into a predicate
 * and validates it the way ELBv2 does for HTTP/HTTPS target groups (codes 200–499). Pure.
 */
import { ApiError } from '@berth/core';

export type HttpCodePredicate = (statusCode: number) => boolean;

/** The range ELBv2 accepts for an Application Load Balancer's HTTP/HTTPS health checks. */
export const ALB_MATCHER_MIN = 200;
export const ALB_MATCHER_MAX = 499;

interface CodeRange {
  readonly low: number;
  readonly high: number;
}

const validationError = (message: string): ApiError => new ApiError('ValidationError', message, 400);

const parseCode = (text: string): number | undefined => (/^\d{3}$/.test(text) ? Number(text) : undefined);

/** The error ELBv2 would reply for this matcher, or undefined when it is valid. */
export const httpCodeMatcherError = (spec: string): ApiError | undefined => {
  const result = parseRanges(spec);
  return typeof result === 'string' ? validationError(result) : undefined;
};

const parseRanges = (spec: string): readonly CodeRange[] | string => {
  if (spec.trim() === '') return 'Health check matcher HTTP code cannot be empty';
  const ranges: CodeRange[] = [];
  for (const part of spec.split(',')) {
    const bounds = part.trim().split('-');
    const low = bounds[0] === undefined ? undefined : parseCode(bounds[0]);
    const high = bounds.length === 2 && bounds[1] !== undefined ? parseCode(bounds[1]) : low;
    if (low === undefined || high === undefined || bounds.length > 2) {
      return `Health check matcher HTTP code '${spec}' is not valid: use a code such as 200, a list such as 200,202 or a range such as 200-299`;
    }
    if (low > high) return `Health check matcher HTTP code range '${part.trim()}' must be ascending`;
    if (low < ALB_MATCHER_MIN || high > ALB_MATCHER_MAX) {
      return `Health check matcher HTTP code '${part.trim()}' must be within '${ALB_MATCHER_MIN}-${ALB_MATCHER_MAX}' inclusive`;
    }
    ranges.push({ low, high });
  }
  return ranges;
};

/** The predicate of a valid matcher; throws the ELBv2 ValidationError for an invalid one. */
export const compileHttpCodeMatcher = (spec: string): HttpCodePredicate => {
  const result = parseRanges(spec);
  if (typeof result === 'string') throw validationError(result);
  return (statusCode) => result.some((range) => statusCode >= range.low && statusCode <= range.high);
};
