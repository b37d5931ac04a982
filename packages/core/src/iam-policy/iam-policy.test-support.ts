/** Builders for the iam-policy tests: documents from plain statement objects, requests with defaults. */
import { parsePolicyDocument } from './parse-policy-document.js';
import type { PolicyDocument, PolicyKind, PolicyRequest, RequestPrincipal } from './policy-types.js';

export const ACCOUNT = '123456789012';
export const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/alice`;

export const policyOf = (
  statements: readonly Record<string, unknown>[],
  kind: PolicyKind = 'identity',
  /** `null`: no Version member (2008-10-17). */
  version: string | null = '2012-10-17',
): PolicyDocument =>
  parsePolicyDocument(
    JSON.stringify({ ...(version === null ? {} : { Version: version }), Statement: statements }),
    kind,
  );

export const requestOf = (
  action: string,
  resource: string,
  context: PolicyRequest['context'] = {},
  principal: Partial<RequestPrincipal> = {},
): PolicyRequest => ({
  principal: { arn: USER_ARN, accountId: ACCOUNT, ...principal },
  action,
  resource,
  context,
});

/** The error code and message a parse throws, or undefined when it does not. */
export const parseFailure = (
  text: string,
  kind: PolicyKind,
): { code: string; message: string } | undefined => {
  try {
    parsePolicyDocument(text, kind);
    return undefined;
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
};
