/**
 * ModifyLoadBalancerAttributes and ModifyTargetGroupAttributes apply changes the same way: at
 * least one, each key known, each value valid for its key, or ELBv2's error naming the subject.
 */
import { invalidConfiguration, validationError } from './elbv2-errors.js';

export type AttributeCheck = (value: string) => boolean;

/** The value checks the attribute tables are made of. */
export const boolValue: AttributeCheck = (v) => v === 'true' || v === 'false';
export const integerIn =
  (min: number, max: number): AttributeCheck =>
  (v) =>
    /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max;
export const oneOf =
  (...values: string[]): AttributeCheck =>
  (v) =>
    values.includes(v);

/** Each attribute's default value and the check of a new value. */
export type AttributeSpecs = Readonly<Record<string, readonly [string, AttributeCheck]>>;

export const applyAttributeChanges = (
  subject: 'Load balancer' | 'Target group',
  specs: AttributeSpecs,
  current: Readonly<Record<string, string>>,
  changes: readonly { readonly Key?: string; readonly Value?: string }[] | undefined,
): Record<string, string> => {
  if (!changes || changes.length === 0)
    throw validationError('Attributes must contain at least one attribute');
  const next = { ...current };
  for (const { Key: key, Value: value } of changes) {
    const spec = key === undefined ? undefined : specs[key];
    if (key === undefined || !spec)
      throw invalidConfiguration(`${subject} attribute key '${key ?? ''}' is not recognized`);
    if (value === undefined || !spec[1](value))
      throw invalidConfiguration(`${subject} attribute value '${value ?? ''}' is not valid for key '${key}'`);
    next[key] = value;
  }
  return next;
};
