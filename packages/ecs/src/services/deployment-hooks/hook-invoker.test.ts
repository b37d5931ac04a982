import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLifecycleHookInvoker } from './hook-invoker.js';
import { hookPayload, parseHookResponse } from './hook-payload.js';

const payload = hookPayload({
  executionId: 'e1',
  lifecycleStage: 'POST_SCALE_UP',
  resourceArn: 'arn:aws:ecs:us-east-1:000000000000:service-deployment/c/s/1',
  serviceArn: 'arn:aws:ecs:us-east-1:000000000000:service/c/s',
  targetServiceRevisionArn: 'arn:aws:ecs:us-east-1:000000000000:service-revision/c/s/1',
  testTrafficWeights: { tg: 100 },
  productionTrafficWeights: { tg: 0 },
});

let server: Server;
let base = '';
const received: unknown[] = [];
const dir = mkdtempSync(join(tmpdir(), 'berth-hooks-'));

const script = (name: string, body: string): string => {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      if (req.url === '/ok') res.end('{"hookStatus":"SUCCEEDED"}');
      else if (req.url === '/later') res.end('{"hookStatus":"IN_PROGRESS","callBackDelay":5}');
      else if (req.url === '/slow') setTimeout(() => res.end('{"hookStatus":"SUCCEEDED"}'), 2000);
      else {
        res.statusCode = 500;
        res.end('boom');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the lifecycle hook invoker', () => {
  const invoker = createLifecycleHookInvoker({ timeoutMs: 500 });

  it('POSTs the payload to a URL and reads its answer', async () => {
    expect(await invoker.invoke({ kind: 'url', url: `${base}/ok` }, payload)).toMatchObject({
      status: 'SUCCEEDED',
    });
    expect(received.at(-1)).toEqual(JSON.parse(JSON.stringify(payload)));
    expect(await invoker.invoke({ kind: 'url', url: `${base}/later` }, payload)).toMatchObject({
      status: 'IN_PROGRESS',
      callBackDelaySeconds: 5,
    });
  });

  it('fails on a non-2xx answer, a timeout or a refused connection', async () => {
    expect(await invoker.invoke({ kind: 'url', url: `${base}/bad` }, payload)).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('HTTP 500'),
    });
    expect((await invoker.invoke({ kind: 'url', url: `${base}/slow` }, payload)).status).toBe('FAILED');
    expect((await invoker.invoke({ kind: 'url', url: 'http://127.0.0.1:1/' }, payload)).status).toBe(
      'FAILED',
    );
  });

  it('runs a command with the payload on stdin', async () => {
    const echo = script('echo.sh', 'cat > "$0.in"; echo \'{"hookStatus":"FAILED"}\'');
    expect((await invoker.invoke({ kind: 'command', path: echo }, payload)).status).toBe('FAILED');
    const quiet = script('quiet.sh', 'cat >/dev/null; exit 0');
    expect((await invoker.invoke({ kind: 'command', path: quiet }, payload)).status).toBe('SUCCEEDED');
    const broken = script('broken.sh', 'echo nope >&2; exit 3');
    expect(await invoker.invoke({ kind: 'command', path: broken }, payload)).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('exit code 3'),
    });
    const hang = script('hang.sh', 'exec sleep 5');
    expect(await invoker.invoke({ kind: 'command', path: hang }, payload)).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('timed out'),
    });
  });
});

describe('parseHookResponse', () => {
  it('reads hookStatus and callBackDelay, and fails anything else', () => {
    expect(parseHookResponse('{"hookStatus":"SUCCEEDED"}').status).toBe('SUCCEEDED');
    expect(parseHookResponse('{"hookStatus":"MAYBE"}').status).toBe('FAILED');
    expect(parseHookResponse('not json').status).toBe('FAILED');
  });
});
