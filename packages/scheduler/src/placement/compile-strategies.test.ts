import { describe, expect, it } from 'vitest';

import { compileStrategies } from './compile-strategies.js';

describe('compileStrategies', () => {
  it('accepts the documented fields in any case', () => {
    expect(
      compileStrategies([
        { type: 'binpack', field: 'MEMORY' },
        { type: 'spread', field: 'host' },
        { type: 'spread', field: 'instanceId' },
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
      ]),
    ).toEqual([
      { kind: 'binpack', field: 'memory' },
      { kind: 'spreadInstance' },
      { kind: 'spreadInstance' },
      { kind: 'spreadAttribute', attribute: 'ecs.availability-zone' },
    ]);
  });

  it('drops the strategies after random, but still validates them', () => {
    expect(
      compileStrategies([
        { type: 'spread', field: 'host' },
        { type: 'random' },
        { type: 'binpack', field: 'cpu' },
      ]),
    ).toEqual([{ kind: 'spreadInstance' }]);
    expect(() => compileStrategies([{ type: 'random' }, { type: 'binpack', field: 'gpu' }])).toThrow(
      /binpack field/,
    );
  });
});
