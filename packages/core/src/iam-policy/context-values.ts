/** Reads condition context keys as IAM does: key names are case-insensitive, every value a list. */
import type { PolicyRequest } from './policy-types.js';

export type RequestContext = PolicyRequest['context'];

/** The key's values, or undefined when the request has no such key (an empty list counts as missing). */
export const contextValues = (context: RequestContext, key: string): readonly string[] | undefined => {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() !== wanted) continue;
    const values = typeof value === 'string' ? [value] : value;
    return values.length === 0 ? undefined : values;
  }
  return undefined;
};
