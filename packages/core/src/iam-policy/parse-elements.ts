/**
 * Action and Resource elements: shape first (present, non-empty, strings), then content, each
 * with the message IAM gives.
 */
import { malformed, stringList, SYNTAX_ERROR } from './policy-json.js';

export const LEGACY_PARSING = 'The policy failed legacy parsing';
const VENDOR_PREFIX = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
const VENDOR = /^[A-Za-z0-9.-]+$/;
const PARTITION = /^(\*|aws(-[a-z]+)*)$/;

/** The list an element holds; `missing` is IAM's message when it is absent or empty. */
export const elementList = (value: unknown, missing: string): string[] => {
  if (value === undefined) throw malformed(missing);
  const list = stringList(value);
  if (list.length === 0) throw malformed(missing);
  return list;
};

/** `*` or `vendor:Name` (the name may hold wildcards; IAM checks only the vendor). */
export const checkAction = (action: string): void => {
  if (action === '*') return;
  const pieces = action.split(':');
  if (pieces.length === 1) throw malformed(VENDOR_PREFIX);
  if (pieces.length > 2) throw malformed('Actions/Condition can contain only one colon.');
  const vendor = pieces[0] ?? '';
  if (!VENDOR.test(vendor)) throw malformed(`Vendor ${vendor} is not valid`);
};

/** `*` or an ARN pattern `arn:partition:service:region:account:resource`. */
export const checkResource = (resource: string): void => {
  if (resource === '*') return;
  if (!resource.startsWith('arn:')) throw malformed(`Resource ${resource} must be in ARN format or "*".`);
  const pieces = resource.split(':');
  if (pieces.length < 3)
    throw malformed('Resource vendor must be fully qualified and cannot contain regexes.');
  if (pieces.length < 6 || pieces[2] === '') throw malformed(LEGACY_PARSING);
  const partition = pieces[1] ?? '';
  if (!PARTITION.test(partition)) {
    throw malformed(`Partition "${partition}" is not valid for resource "${resource}".`);
  }
};

/** Effect must be exactly `Allow` or `Deny`; another casing fails IAM's legacy parser. */
export const parseEffect = (value: unknown, missing: string): 'Allow' | 'Deny' => {
  if (value === 'Allow' || value === 'Deny') return value;
  if (value === undefined) throw malformed(missing);
  if (typeof value === 'string' && ['allow', 'deny'].includes(value.toLowerCase())) {
    throw malformed(LEGACY_PARSING);
  }
  throw malformed(SYNTAX_ERROR);
};
