/**
 * Lifecycle policies, pure: `parseLifecyclePolicy` validates the JSON as ECR does and
 * `evaluateLifecyclePolicy` decides which images expire, as ECR's documentation describes its
 * evaluator: each rule marks images on its own (imageCountMoreThan: all but the newest N of the
 * images its selection matches; sinceImagePushed: those it matches pushed more than N days ago),
 * then the marks are applied in rulePriority order, lowest first, so an image is expired by
 * exactly one rule (the lowest-numbered that marked it) or none. `any` must be the rule with the
 * highest priority number. tagPrefixList/tagPatternList select an image when every listed prefix
 * (pattern) matches one of its tags. (ECR's "Example A": images A[beta-1,prod-1], B[beta-2,prod-2],
 * C[beta-3], rules prod keep 1 then beta keep 1: A and B expire.)
 */
import { constraint } from './ecr-errors.js';
import { wildcardMatches } from './tag-mutability.js';

export interface LifecycleRule {
  readonly rulePriority: number;
  readonly description?: string;
  readonly tagStatus: 'tagged' | 'untagged' | 'any';
  readonly tagPrefixList?: readonly string[];
  readonly tagPatternList?: readonly string[];
  readonly countType: 'imageCountMoreThan' | 'sinceImagePushed';
  readonly countNumber: number;
}

export interface LifecycleImage {
  readonly imageDigest: string;
  readonly imageTags: readonly string[];
  /** Epoch seconds. */
  readonly imagePushedAt: number;
}

export interface LifecycleDecision {
  readonly image: LifecycleImage;
  readonly appliedRulePriority: number;
}

const fail = (why: string): Error =>
  constraint('lifecyclePolicyText', `Lifecycle policy validation failure: ${why}`);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const stringList = (v: unknown, name: string): string[] | undefined => {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string' || s === '')) {
    throw fail(`${name} must be a non-empty array of non-empty strings`);
  }
  return v as string[];
};

const parseRule = (raw: unknown): LifecycleRule => {
  if (!isObject(raw)) throw fail('each rule must be an object');
  const priority = raw['rulePriority'];
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1) {
    throw fail('rulePriority must be a positive integer');
  }
  const selection = raw['selection'];
  const action = raw['action'];
  if (!isObject(selection)) throw fail(`rule ${priority} must have a selection`);
  if (!isObject(action) || action['type'] !== 'expire')
    throw fail(`rule ${priority}: action.type must be 'expire'`);
  const tagStatus = selection['tagStatus'];
  if (tagStatus !== 'tagged' && tagStatus !== 'untagged' && tagStatus !== 'any') {
    throw fail(`rule ${priority}: tagStatus must be one of tagged, untagged, any`);
  }
  const prefixes = stringList(selection['tagPrefixList'], 'tagPrefixList');
  const patterns = stringList(selection['tagPatternList'], 'tagPatternList');
  if (tagStatus === 'tagged' && prefixes === undefined && patterns === undefined) {
    throw fail(`rule ${priority}: tagPrefixList or tagPatternList is required when tagStatus is tagged`);
  }
  if (tagStatus !== 'tagged' && (prefixes !== undefined || patterns !== undefined)) {
    throw fail(
      `rule ${priority}: tagPrefixList and tagPatternList are only allowed when tagStatus is tagged`,
    );
  }
  if (prefixes !== undefined && patterns !== undefined) {
    throw fail(`rule ${priority}: tagPrefixList and tagPatternList cannot both be specified`);
  }
  if (patterns?.some((p) => p.split('*').length - 1 > 4))
    throw fail(`rule ${priority}: a tag pattern may hold at most 4 wildcards`);
  const countType = selection['countType'];
  const countNumber = selection['countNumber'];
  if (countType !== 'imageCountMoreThan' && countType !== 'sinceImagePushed') {
    throw fail(`rule ${priority}: countType must be imageCountMoreThan or sinceImagePushed`);
  }
  if (countType === 'sinceImagePushed' && selection['countUnit'] !== 'days') {
    throw fail(`rule ${priority}: countUnit must be 'days' when countType is sinceImagePushed`);
  }
  if (countType === 'imageCountMoreThan' && selection['countUnit'] !== undefined) {
    throw fail(`rule ${priority}: countUnit is not allowed when countType is imageCountMoreThan`);
  }
  if (typeof countNumber !== 'number' || !Number.isInteger(countNumber) || countNumber < 1) {
    throw fail(`rule ${priority}: countNumber must be an integer of at least 1`);
  }
  return {
    rulePriority: priority,
    ...(typeof raw['description'] === 'string' ? { description: raw['description'] } : {}),
    tagStatus,
    ...(prefixes !== undefined ? { tagPrefixList: prefixes } : {}),
    ...(patterns !== undefined ? { tagPatternList: patterns } : {}),
    countType,
    countNumber,
  };
};

/** The policy's rules sorted by priority, or InvalidParameterException saying what is wrong. */
export const parseLifecyclePolicy = (text: string): LifecycleRule[] => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail('the policy is not valid JSON');
  }
  if (!isObject(body) || !Array.isArray(body['rules']) || body['rules'].length === 0) {
    throw fail("the policy must have a non-empty 'rules' array");
  }
  const rules = body['rules'].map(parseRule).sort((a, b) => a.rulePriority - b.rulePriority);
  for (let i = 1; i < rules.length; i++) {
    if (rules[i]?.rulePriority === rules[i - 1]?.rulePriority)
      throw fail(`rulePriority ${rules[i]?.rulePriority} is not unique`);
  }
  const anyIndex = rules.findIndex((r) => r.tagStatus === 'any');
  if (anyIndex !== -1 && anyIndex !== rules.length - 1) {
    throw fail("the rule with tagStatus 'any' must have the highest rulePriority");
  }
  return rules;
};

export const ruleSelects = (rule: LifecycleRule, image: LifecycleImage): boolean => {
  const tags = image.imageTags;
  switch (rule.tagStatus) {
    case 'any':
      return true;
    case 'untagged':
      return tags.length === 0;
    case 'tagged':
      if (rule.tagPrefixList !== undefined)
        return rule.tagPrefixList.every((p) => tags.some((t) => t.startsWith(p)));
      return (rule.tagPatternList ?? []).every((p) => tags.some((t) => wildcardMatches(p, t)));
  }
};

const DAY_SECONDS = 86_400;

/** The images the policy expires now (`nowSeconds`), each with the rule that expires it. */
export const evaluateLifecyclePolicy = (
  rules: readonly LifecycleRule[],
  images: readonly LifecycleImage[],
  nowSeconds: number,
): LifecycleDecision[] => {
  const expired = new Map<string, LifecycleDecision>();
  const sorted = [...rules].sort((a, b) => a.rulePriority - b.rulePriority);
  for (const rule of sorted) {
    const selected = images
      .filter((image) => ruleSelects(rule, image))
      .sort((a, b) => b.imagePushedAt - a.imagePushedAt || a.imageDigest.localeCompare(b.imageDigest));
    const expiring =
      rule.countType === 'imageCountMoreThan'
        ? selected.slice(rule.countNumber)
        : selected.filter((image) => nowSeconds - image.imagePushedAt > rule.countNumber * DAY_SECONDS);
    for (const image of expiring) {
      if (!expired.has(image.imageDigest))
        expired.set(image.imageDigest, { image, appliedRulePriority: rule.rulePriority });
    }
  }
  return [...expired.values()];
};
