/**
 * Policy document texts: validated with core's parser when written, parsed once and cached by
 * record value (stored records are immutable: a new version or inline policy is a new record)
 * and by text, and
 * URL-encoded on the way out, as IAM returns them.
 */
import { type PolicyDocument, type PolicyKind, parsePolicyDocument } from '@berth/core';

import { constraintError } from './iam-errors.js';

const MAX_CACHED = 4096;

export class PolicyDocumentCache {
  private readonly parsed = new Map<string, PolicyDocument>();
  /** Records are immutable values: a changed policy is a new record, so this never goes stale. */
  private readonly byRecord: Record<PolicyKind, WeakMap<object, readonly PolicyDocument[]>> = {
    identity: new WeakMap(),
    trust: new WeakMap(),
    resource: new WeakMap(),
  };

  /** A role's parsed trust policy. */
  trustOf(role: { readonly assumeRolePolicyDocument: string }): PolicyDocument {
    const [trust] = this.ofRecord(role, () => [role.assumeRolePolicyDocument], 'trust');
    return trust ?? this.parse(role.assumeRolePolicyDocument, 'trust');
  }

  /** The parsed documents of a stored record (`texts` read once per record value). */
  ofRecord(record: object, texts: () => readonly string[], kind: PolicyKind): readonly PolicyDocument[] {
    const hit = this.byRecord[kind].get(record);
    if (hit !== undefined) return hit;
    const documents = texts().map((text) => this.parse(text, kind));
    this.byRecord[kind].set(record, documents);
    return documents;
  }

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
  /** Managed policies (CreatePolicy, CreatePolicyVersion) must be version 2012-10-17. */
  managed = false,
): string => {
  if (typeof value !== 'string' || value.length === 0)
    throw constraintError(member, value, 'Member must have length greater than or equal to 1');
  if (value.length > maxLength)
    throw constraintError(member, '…', `Member must have length less than or equal to ${maxLength}`);
  if (managed) parsePolicyDocument(value, kind, { requireCurrentVersion: true });
  else cache.parse(value, kind);
  return value;
};

/** IAM returns policy documents URL-encoded (RFC 3986). */
export const encodeDocument = (text: string): string => encodeURIComponent(text);
