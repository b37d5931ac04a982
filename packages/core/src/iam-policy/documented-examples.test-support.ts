/** Runs a table of AWS's documented evaluation examples: one describe per doc page, one test per case. */
import { describe, expect, it } from 'vitest';

import { evaluatePolicies } from './evaluate-policies.js';
import type { ApplicablePolicies, PolicyDecision, PolicyRequest } from './policy-types.js';

export interface DocumentedExample {
  /** The IAM User Guide page (file name under docs.aws.amazon.com/IAM/latest/UserGuide/). */
  readonly page: string;
  readonly policies: ApplicablePolicies;
  readonly cases: readonly (readonly [string, PolicyRequest, PolicyDecision])[];
}

export const runDocumentedExamples = (title: string, groups: readonly DocumentedExample[]): void => {
  describe(title, () => {
    for (const group of groups) {
      describe(group.page, () => {
        it.each(group.cases)('%s', (_name, request, expected) => {
          expect(evaluatePolicies(group.policies, request)).toBe(expected);
        });
      });
    }
  });
};

export const caseCount = (groups: readonly DocumentedExample[]): number =>
  groups.flatMap((group) => group.cases).length;
