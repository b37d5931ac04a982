/** Parses and validates an IAM policy document into the normalised form evaluation reads. */
import { parseStatement, statementShape } from './parse-statement.js';
import type { PolicyDocument, PolicyKind } from './policy-types.js';
import { isObject, malformed, onlyMembers, SYNTAX_ERROR } from './policy-json.js';

export interface ParsePolicyOptions {
  /** Refuse documents without `"Version": "2012-10-17"` (IAM does for some documents). */
  readonly requireCurrentVersion?: boolean;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed(SYNTAX_ERROR);
  }
};

const parseVersion = (value: unknown, options: ParsePolicyOptions): PolicyDocument['version'] => {
  if (value !== undefined && typeof value !== 'string') throw malformed(SYNTAX_ERROR);
  if (value !== undefined && value !== '2012-10-17' && value !== '2008-10-17') {
    throw malformed(SYNTAX_ERROR);
  }
  const version = value ?? '2008-10-17';
  if (options.requireCurrentVersion === true && version !== '2012-10-17') {
    throw malformed('Policy document must be version 2012-10-17 or greater.');
  }
  return version;
};

/**
 * The normalised document, or an ApiError('MalformedPolicyDocument', <IAM's message>, 400) for
 * bad JSON or unknown members, an unknown Version, no Statement, a missing or bad Effect, both
 * Action and NotAction, an identity policy with a Principal, a trust or resource policy without
 * one, a trust policy with a Resource, malformed actions, resources or principals, unknown
 * condition operators. A missing Version means 2008-10-17 (policy variables read literally);
 * IAM's CreatePolicy refuses that, which `requireCurrentVersion` reproduces.
 */
export const parsePolicyDocument = (
  text: string,
  kind: PolicyKind,
  options: ParsePolicyOptions = {},
): PolicyDocument => {
  const json = parseJson(text);
  if (!isObject(json)) throw malformed(SYNTAX_ERROR);
  onlyMembers(json, ['Version', 'Id', 'Statement']);
  const version = parseVersion(json['Version'], options);
  const id = json['Id'];
  if (id !== undefined && typeof id !== 'string') throw malformed(SYNTAX_ERROR);
  const raw = json['Statement'];
  const list = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  if (list.length === 0) throw malformed(SYNTAX_ERROR);
  const shapes = list.map((statement) => statementShape(statement, kind));
  const sids = shapes.flatMap((statement) => {
    const sid = statement['Sid'];
    return typeof sid === 'string' && sid !== '' ? [sid] : [];
  });
  if (new Set(sids).size !== sids.length) {
    throw malformed('Statement IDs (SID) in a single policy must be unique.');
  }
  const statements = shapes.map((statement) => parseStatement(statement, kind));
  return { version, ...(id === undefined ? {} : { id }), statements };
};
