/**
 * Policy document texts: validated with core's parser when written, parsed once and cached by
 * text when evaluated (a document's text never changes under its record and version), and
 * URL-encoded on the way out, as IAM returns them.
 */
import { type PolicyDocument, type PolicyKind, parsePolicyDocument } from '@berth/core';

import { constraintError } from './iam-errors.js';

const MAX_CACHED = 4096;

export class PolicyDocumentCache {
  private readonly parsed = new Map<string, PolicyDocument>();

  /** The parsed document; throws MalformedPolicyDocument (core's ApiError) when it is not one. */
  parse(text: string, kind: PolicyKind): PolicyDocument {
    const key = `${kind}\n${text}`;
    const hit = this.parsed.get(key);
    if (hit !== undefined) return hit;
    const document = parsePolicyDocument(text, kind);
    if (this.parsed.size >= MAX_CACHED) this.parsed.clear();
    this.parsed.set(key, document);
    return document;
  }
}

/** A policy document member, checked to be present and parse as `kind`. */
export const validDocument = (
  cache: PolicyDocumentCache,
  member: string,
  value: unknown,
  kind: PolicyKind,
  maxLength = 131072,
): string => {
  if (typeof value !== 'string' || value.length === 0)
    throw constraintError(member, value, 'Member must have length greater than or equal to 1');
  if (value.length > maxLength)
    throw constraintError(member, '…', `Member must have length less than or equal to ${maxLength}`);
  cache.parse(value, kind);
  return value;
};

/** IAM returns policy documents URL-encoded (RFC 3986). */
export const encodeDocument = (text: string): string => encodeURIComponent(text);
