import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { DataPlaneModel } from '../model/lb-model.js';
import { checkHaproxyConfig } from './haproxy-check.test-support.js';
import { renderHaproxyConfig } from './haproxy-config.js';
import { modelArb } from './random-model.test-support.js';
import { hostileModel, sampleModel } from './sample-models.test-support.js';

const options = {};
const render = (model: DataPlaneModel): string => renderHaproxyConfig(model, options);
const renderIn = (model: DataPlaneModel) => () => renderHaproxyConfig(model, {});

const expectValid = (model: DataPlaneModel, files: Record<string, string> = {}): string => {
  const result = checkHaproxyConfig(renderIn(model), files);
  expect(result.output).toContain('Configuration file is valid');
  expect(result.ok, result.output).toBe(true);
  return result.output;
};

describe('renderHaproxyConfig', () => {
  it('renders a representative model (snapshot)', () => {
    expect(render(sampleModel())).toMatchSnapshot();
  });

  it('renders hostile strings inertly (snapshot)', () => {
    const config = render(hostileModel());
    expect(config).toMatchSnapshot();
    const sections = config.split('\n').filter((line) => /^\S/.test(line) && !line.startsWith('#'));
    expect(sections).toEqual(['global', 'defaults', 'frontend ls_l2']);
    expect(config).not.toMatch(/^\s*server /m);
    expect(config).not.toMatch(/^\s*use_backend x/m);
  });

  it('is deterministic: the same model gives the same bytes', () => {
    fc.assert(
      fc.property(modelArb, (model) => render(model) === render(structuredClone(model))),
      { numRuns: 50 },
    );
  });

  it('ALB error pages carry awselb/2.0 and ALB bodies', () => {
    const config = render(sampleModel());
    expect(config).toContain(
      'http-error status 503 content-type "text/html" string "<html>\\x0d\\x0a<head><title>503 Service Temporarily Unavailable</title></head>',
    );
    expect(config).toMatch(/http-error status 502 .* hdr Server "awselb\/2.0"/);
    // The supervisor's own global file holds the admin socket; the rendered config never does.
    expect(config).not.toContain('stats socket');
    expect(config).not.toMatch(/\bcheck\b/);
  });
});

describe('rendered configurations are valid for HAProxy 2.6 (haproxy -c)', () => {
  it('the representative model, without warnings', () => {
    expect(expectValid(sampleModel())).not.toContain('WARNING');
  });

  it('the hostile model', () => {
    expectValid(hostileModel());
  });

  it('an empty model', () => {
    expectValid({ loadBalancers: [], targetGroups: [] });
  });

  it('an HTTPS listener', () => {
    const dir = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim();
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
      ].concat(['-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
      { encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    const pem = readFileSync(join(dir, 'cert.pem'), 'utf8') + readFileSync(join(dir, 'key.pem'), 'utf8');
    spawnSync('rm', ['-rf', dir]);
    const base = sampleModel();
    const result = checkHaproxyConfig(
      (tmp) =>
        renderHaproxyConfig(
          {
            ...base,
            loadBalancers: base.loadBalancers.map((lb) => ({
              ...lb,
              listeners: lb.listeners.map((l) => ({
                ...l,
                protocol: 'HTTPS' as const,
                port: 8443,
                certificatePemPath: join(tmp, 'site.pem'),
              })),
            })),
          },
          {},
        ),
      { 'site.pem': pem },
    );
    expect(result.ok, result.output).toBe(true);
  });

  it('random models', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const result = checkHaproxyConfig(renderIn(model));
        if (!result.ok) throw new Error(`${result.output}\n${render(model)}`);
      }),
      { numRuns: 25 },
    );
  });
});
