import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ImagePullBehavior } from './container-runtime.js';
import { decidePull } from './image-pull-policy.js';

const behaviors: ImagePullBehavior[] = ['default', 'always', 'once', 'prefer-cached'];
const facts = fc.record({ cached: fc.boolean(), pulledBefore: fc.boolean() });

describe('decidePull (ECS_IMAGE_PULL_BEHAVIOR)', () => {
  it('never uses a cache that is not there', () => {
    fc.assert(
      fc.property(fc.constantFrom(...behaviors), facts, (behavior, f) => {
        const decision = decidePull(behavior, f);
        if (!f.cached) expect(decision).toEqual({ action: 'pull', fallBackToCache: false });
      }),
    );
  });

  it('always pulls under default and always; only default falls back to the cache', () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(decidePull('default', f)).toEqual({ action: 'pull', fallBackToCache: f.cached });
        expect(decidePull('always', f)).toEqual({ action: 'pull', fallBackToCache: false });
      }),
    );
  });

  it('prefer-cached uses any cached image; once only one this agent pulled', () => {
    expect(decidePull('prefer-cached', { cached: true, pulledBefore: false })).toEqual({
      action: 'use-cached',
    });
    expect(decidePull('once', { cached: true, pulledBefore: false })).toEqual({
      action: 'pull',
      fallBackToCache: false,
    });
    expect(decidePull('once', { cached: true, pulledBefore: true })).toEqual({ action: 'use-cached' });
  });
});
