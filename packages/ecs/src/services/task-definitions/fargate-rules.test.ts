import { FARGATE_SIZES, isValidFargateSize } from '@berth/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException, fargateRequest } from './fixtures.test-support.js';

const VALID_PAIRS = [...FARGATE_SIZES].flatMap(([cpu, memories]) =>
  memories.map((memory) => [cpu, memory] as const),
);

describe('Fargate task-level rules', () => {
  it('network mode must be awsvpc (the quotes are U+2018/U+2019, as ECS sends them)', () => {
    const message = 'Fargate only supports network mode \u2018awsvpc\u2019.';
    expectClientException(fargateRequest({}, { networkMode: 'bridge' }), message);
    expectClientException(fargateRequest({}, { networkMode: 'host' }), message);
    const { networkMode: _mode, ...noMode } = fargateRequest();
    expectClientException(noMode, message);
  });

  it('cpu and memory are required at the task level', () => {
    const { cpu: _cpu, ...noCpu } = fargateRequest();
    expectClientException(noCpu, "Fargate requires that 'cpu' be defined at the task level.");
    const { memory: _memory, ...noMemory } = fargateRequest();
    expectClientException(noMemory, "Fargate requires that 'memory' be defined at the task level.");
  });

  it('every valid Fargate size registers, whatever the spelling (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID_PAIRS), fc.boolean(), ([cpu, memory], asUnits) => {
        const request = asUnits
          ? fargateRequest({}, { cpu: String(cpu), memory: String(memory) })
          : fargateRequest({}, { cpu: `${cpu / 1024} vCPU`, memory: `${memory / 1024} GB` });
        const td = build(request);
        expect([td.cpu, td.memory]).toEqual([String(cpu), String(memory)]);
        expect(td.compatibilities).toEqual(['EC2', 'FARGATE']);
      }),
    );
  });

  it('any other size fails with "No Fargate configuration exists for given values." (property)', () => {
    const cpus = fc.oneof(fc.constantFrom(...FARGATE_SIZES.keys()), fc.integer({ min: 128, max: 20_000 }));
    const memories = fc.oneof(
      fc.integer({ min: 1, max: 131_072 }),
      fc.integer({ min: 1, max: 128 }).map((g) => g * 1024),
    );
    fc.assert(
      fc.property(cpus, memories, (cpu, memory) => {
        fc.pre(!isValidFargateSize(cpu, memory));
        expectClientException(
          fargateRequest({}, { cpu: String(cpu), memory: String(memory) }),
          'No Fargate configuration exists for given values.',
        );
      }),
    );
  });

  it('Windows needs 1–4 vCPU', () => {
    const windows = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } } as const;
    expectClientException(
      fargateRequest({}, { ...windows, cpu: '512', memory: '1024' }),
      'No Fargate configuration exists for given values.',
    );
    expectClientException(
      fargateRequest({}, { ...windows, cpu: '8192', memory: '16384' }),
      'No Fargate configuration exists for given values.',
    );
    expect(build(fargateRequest({}, { ...windows, cpu: '1024', memory: '2048' })).compatibilities).toContain(
      'FARGATE',
    );
  });

  it('pidMode host and any ipcMode are refused', () => {
    expectClientException(
      fargateRequest({}, { pidMode: 'host' }),
      "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.",
    );
    expect(build(fargateRequest({}, { pidMode: 'task' })).pidMode).toBe('task');
    expectClientException(
      fargateRequest({}, { ipcMode: 'task' }),
      "Tasks using the Fargate launch type do not support ipcMode 'task'.",
    );
  });
});

describe('compatibilities', () => {
  it('lists FARGATE for an EC2 definition that would also pass the Fargate checks', () => {
    const td = build(
      ec2Request({}, { networkMode: 'awsvpc', cpu: '512', memory: '1024', requiresCompatibilities: ['EC2'] }),
    );
    expect(td.compatibilities).toEqual(['EC2', 'FARGATE']);
  });

  it('lists only EC2 when the size, network mode or features rule Fargate out', () => {
    expect(
      build(ec2Request({}, { networkMode: 'awsvpc', cpu: '512', memory: '717' })).compatibilities,
    ).toEqual(['EC2']);
    expect(build(ec2Request({}, { cpu: '512', memory: '1024' })).compatibilities).toEqual(['EC2']);
    const privileged = ec2Request({ privileged: true }, { networkMode: 'awsvpc', cpu: '256', memory: '512' });
    expect(build(privileged).compatibilities).toEqual(['EC2']);
  });

  it('adds EXTERNAL and MANAGED_INSTANCES only when required', () => {
    const td = build(ec2Request({}, { requiresCompatibilities: ['EXTERNAL', 'MANAGED_INSTANCES'] }));
    expect(td.compatibilities).toEqual(['EC2', 'EXTERNAL', 'MANAGED_INSTANCES']);
  });
});
