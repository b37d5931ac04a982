import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  evaluateLifecyclePolicy,
  parseLifecyclePolicy,
  type LifecycleImage,
  type LifecycleRule,
} from './lifecycle-rules.js';

const DAY = 86_400;
const NOW = 1_800_000_000;

const rule = (priority: number, selection: object): object => ({
  rulePriority: priority,
  selection,
  action: { type: 'expire' },
});
const policy = (...rules: object[]): string => JSON.stringify({ rules });
const image = (name: string, tags: string[], daysAgo: number): LifecycleImage => ({
  imageDigest: name,
  imageTags: tags,
  imagePushedAt: NOW - daysAgo * DAY,
});
const expiredBy = (text: string, images: LifecycleImage[]): Record<string, number> =>
  Object.fromEntries(
    evaluateLifecyclePolicy(parseLifecyclePolicy(text), images, NOW).map((d) => [
      d.image.imageDigest,
      d.appliedRulePriority,
    ]),
  );

describe('parseLifecyclePolicy', () => {
  it('accepts ECR’s documented examples', () => {
    expect(
      parseLifecyclePolicy(
        policy(
          rule(1, {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 14,
          }),
        ),
      ),
    ).toHaveLength(1);
    expect(
      parseLifecyclePolicy(
        policy(
          rule(2, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }),
          rule(1, {
            tagStatus: 'tagged',
            tagPatternList: ['prod*'],
            countType: 'imageCountMoreThan',
            countNumber: 1,
          }),
        ),
      ).map((r) => r.rulePriority),
    ).toEqual([1, 2]);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['no rules', '{"rules":[]}', /non-empty 'rules'/],
    [
      'duplicate priorities',
      policy(
        rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }),
        rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 2 }),
      ),
      /not unique/,
    ],
    [
      'priority 0',
      policy(rule(0, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 })),
      /positive integer/,
    ],
    [
      'tagged without prefixes',
      policy(rule(1, { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1 })),
      /required when tagStatus is tagged/,
    ],
    [
      'prefixes on untagged',
      policy(
        rule(1, {
          tagStatus: 'untagged',
          tagPrefixList: ['a'],
          countType: 'imageCountMoreThan',
          countNumber: 1,
        }),
      ),
      /only allowed when tagStatus is tagged/,
    ],
    [
      'bad tagStatus',
      policy(rule(1, { tagStatus: 'some', countType: 'imageCountMoreThan', countNumber: 1 })),
      /tagStatus must be/,
    ],
    [
      'days without unit',
      policy(rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countNumber: 3 })),
      /countUnit must be 'days'/,
    ],
    [
      'count 0',
      policy(rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 0 })),
      /at least 1/,
    ],
    [
      'action',
      JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 },
            action: { type: 'delete' },
          },
        ],
      }),
      /action.type/,
    ],
    [
      'any not last',
      policy(
        rule(1, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }),
        rule(2, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }),
      ),
      /'any' must have the highest rulePriority/,
    ],
  ])('refuses %s with InvalidParameterException', (_, text, message) => {
    expect(() => parseLifecyclePolicy(text)).toThrow(message);
    try {
      parseLifecyclePolicy(text);
    } catch (error) {
      expect((error as { code: string }).code).toBe('InvalidParameterException');
    }
  });
});

describe('evaluateLifecyclePolicy', () => {
  it('expires untagged images older than 14 days (ECR: filtering on image age)', () => {
    const text = policy(
      rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }),
    );
    expect(
      expiredBy(text, [image('old', [], 15), image('new', [], 13), image('tagged', ['v1'], 30)]),
    ).toEqual({ old: 1 });
  });

  it('keeps only the newest untagged image (ECR: filtering on image count)', () => {
    const text = policy(rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }));
    expect(expiredBy(text, [image('a', [], 3), image('b', [], 2), image('c', [], 1)])).toEqual({
      a: 1,
      b: 1,
    });
  });

  it('ECR’s multiple-rules example A: A and B expire', () => {
    const text = policy(
      rule(1, {
        tagStatus: 'tagged',
        tagPrefixList: ['prod'],
        countType: 'imageCountMoreThan',
        countNumber: 1,
      }),
      rule(2, {
        tagStatus: 'tagged',
        tagPrefixList: ['beta'],
        countType: 'imageCountMoreThan',
        countNumber: 1,
      }),
    );
    const images = [
      image('A', ['beta-1', 'prod-1'], 10),
      image('B', ['beta-2', 'prod-2'], 9),
      image('C', ['beta-3'], 8),
    ];
    expect(expiredBy(text, images)).toEqual({ A: 1, B: 2 });
  });

  it('ECR’s multiple-rules example B: A and B expire, both by rule 1', () => {
    const text = policy(
      rule(1, {
        tagStatus: 'tagged',
        tagPrefixList: ['prod'],
        countType: 'imageCountMoreThan',
        countNumber: 1,
      }),
      rule(2, {
        tagStatus: 'tagged',
        tagPrefixList: ['beta'],
        countType: 'imageCountMoreThan',
        countNumber: 1,
      }),
    );
    const images = [
      image('A', ['beta-1', 'prod-1'], 10),
      image('B', ['beta-2', 'prod-2'], 9),
      image('C', ['beta-3', 'prod-3'], 8),
    ];
    expect(expiredBy(text, images)).toEqual({ A: 1, B: 1 });
  });

  it('selects by every prefix or pattern in the list', () => {
    const text = policy(
      rule(1, {
        tagStatus: 'tagged',
        tagPatternList: ['prod*', '*-rc'],
        countType: 'sinceImagePushed',
        countUnit: 'days',
        countNumber: 1,
      }),
    );
    expect(expiredBy(text, [image('both', ['prod-1', '2-rc'], 5), image('one', ['prod-2'], 5)])).toEqual({
      both: 1,
    });
  });

  const arbImages = fc.uniqueArray(
    fc.record({
      imageDigest: fc.integer({ min: 0, max: 9999 }).map((n) => `d${n}`),
      imageTags: fc.uniqueArray(fc.constantFrom('prod-1', 'prod-2', 'beta-1', 'dev', 'latest'), {
        maxLength: 3,
      }),
      imagePushedAt: fc.integer({ min: NOW - 60 * DAY, max: NOW }),
    }),
    { selector: (i) => i.imageDigest, maxLength: 20 },
  );
  const arbRules = fc
    .array(
      fc
        .oneof(
          fc.record({ tagStatus: fc.constant('untagged' as const) }),
          fc.record({ tagStatus: fc.constant('tagged' as const), tagPrefixList: fc.constant(['prod']) }),
          fc.record({ tagStatus: fc.constant('tagged' as const), tagPatternList: fc.constant(['*-1']) }),
        )
        .chain((sel) =>
          fc
            .oneof(
              fc.record({
                countType: fc.constant('imageCountMoreThan' as const),
                countNumber: fc.integer({ min: 1, max: 5 }),
              }),
              fc.record({
                countType: fc.constant('sinceImagePushed' as const),
                countNumber: fc.integer({ min: 1, max: 60 }),
              }),
            )
            .map((count) => ({ ...sel, ...count })),
        ),
      { minLength: 1, maxLength: 4 },
    )
    .map((rules): LifecycleRule[] => rules.map((r, i) => ({ ...r, rulePriority: (i + 1) * 10 })));

  it('expires each image at most once, by the lowest-numbered rule that would expire it alone', () => {
    fc.assert(
      fc.property(arbRules, arbImages, (rules, images) => {
        const decisions = evaluateLifecyclePolicy(rules, images, NOW);
        expect(new Set(decisions.map((d) => d.image.imageDigest)).size).toBe(decisions.length);
        for (const d of decisions) {
          const alone = rules
            .filter((r) =>
              evaluateLifecyclePolicy([r], images, NOW).some(
                (x) => x.image.imageDigest === d.image.imageDigest,
              ),
            )
            .map((r) => r.rulePriority);
          expect(d.appliedRulePriority).toBe(Math.min(...alone));
        }
      }),
    );
  });

  it('imageCountMoreThan always keeps the newest N images it selects', () => {
    fc.assert(
      fc.property(arbImages, fc.integer({ min: 1, max: 5 }), (images, n) => {
        const rules: LifecycleRule[] = [
          { rulePriority: 1, tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: n },
        ];
        const expired = new Set(evaluateLifecyclePolicy(rules, images, NOW).map((d) => d.image.imageDigest));
        const kept = images.filter((i) => !expired.has(i.imageDigest));
        expect(kept.length).toBe(Math.min(n, images.length));
        const oldestKept = Math.min(...kept.map((i) => i.imagePushedAt));
        for (const i of images)
          if (expired.has(i.imageDigest)) expect(i.imagePushedAt).toBeLessThanOrEqual(oldestKept);
      }),
    );
  });
});
