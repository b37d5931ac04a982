/** Principal / NotPrincipal: `"*"` or `{AWS|Service|Federated|CanonicalUser: string | string[]}`. */
import type { PrincipalSet } from './policy-types.js';
import { isObject, malformed, stringList } from './policy-json.js';

const ACCOUNT_ID = /^\d{12}$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:[^\s]+$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i;
const TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

const invalid = (type: string, value: unknown): Error =>
  malformed(`Invalid principal in policy: "${type}":${JSON.stringify(value)}`);

const normaliseValue = (type: string, value: string): string => {
  if (type === 'AWS') {
    if (value === '*') return value;
    // IAM matches principals exactly: no partial wildcards.
    if (PRINCIPAL_ARN.test(value) && !value.includes('*') && !value.includes('?')) return value;
    if (ACCOUNT_ID.test(value)) return `arn:aws:iam::${value}:root`;
    throw invalid(type, value);
  }
  if (type === 'Service' && !SERVICE.test(value)) throw invalid(type, value);
  if (value.trim() === '') throw invalid(type, value);
  return value;
};

export const parsePrincipal = (value: unknown): PrincipalSet => {
  if (value === '*') return '*';
  if (!isObject(value) || Object.keys(value).length === 0) {
    throw malformed(`Invalid principal in policy: ${JSON.stringify(value)}`);
  }
  const set: Record<string, string[]> = {};
  for (const [type, raw] of Object.entries(value)) {
    if (!TYPES.includes(type)) throw invalid(type, raw);
    const values = stringList(raw);
    if (values.length === 0) throw invalid(type, raw);
    set[type] = values.map((item) => normaliseValue(type, item));
  }
  return set;
};
