import { describe, expect, it } from 'vitest';

import { configStructure } from './config-structure.js';
import { renderHaproxyConfig } from './haproxy-config.js';
import { sampleModel } from './sample-models.test-support.js';

describe('configStructure', () => {
  it('ignores servers and their states, and nothing else', () => {
    const model = sampleModel();
    const withoutServers = { ...model, targetGroups: model.targetGroups.map((g) => ({ ...g, servers: [] })) };
    expect(configStructure(renderHaproxyConfig(model, {}))).toBe(
      configStructure(renderHaproxyConfig(withoutServers, {})),
    );
    const renamed = {
      ...model,
      loadBalancers: model.loadBalancers.map((lb) => ({ ...lb, name: `${lb.name}x` })),
    };
    const moved = {
      ...model,
      loadBalancers: model.loadBalancers.map((lb) => ({
        ...lb,
        listeners: lb.listeners.map((l) => ({ ...l, port: l.port + 1 })),
      })),
    };
    expect(configStructure(renderHaproxyConfig(moved, {}))).not.toBe(
      configStructure(renderHaproxyConfig(model, {})),
    );
    expect(configStructure(renderHaproxyConfig(renamed, {}))).toBeDefined();
  });
});
