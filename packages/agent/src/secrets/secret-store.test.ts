import { createServer, type IncomingMessage, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ControlPlaneClient } from '../session/control-plane-client.js';
import { ControlPlaneSecretStore } from './secret-store.js';

interface Seen {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const seen: Seen[] = [];
/** How the next requests are answered: [status, body], in order; then 200 {}. */
const answers: [number, unknown][] = [];
let server: Server;
let endpoint = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const [status, answer] = answers.shift() ?? [200, {}];
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const credentials = {
  roleArn: 'arn:aws:iam::0:role/exec',
  accessKeyId: 'ASIAEXEC',
  secretAccessKey: 'secret',
  sessionToken: 'the-session-token',
  expiresAt: 0,
};
const store = new ControlPlaneSecretStore(
  (c, region, name) => new ControlPlaneClient(endpoint, c, region, name),
);

describe('ControlPlaneSecretStore', () => {
  it('signs GetSecretValue with the execution role’s session for secretsmanager in the region asked', async () => {
    seen.length = 0;
    answers.push([200, { SecretString: 'v' }]);
    const response = await store.getSecretValue(credentials, 'eu-west-1', {
      SecretId: 'arn:s',
      VersionStage: 'AWSCURRENT',
    });
    expect(response.SecretString).toBe('v');
    const [call] = seen;
    expect(call?.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(call?.headers['x-amz-security-token']).toBe('the-session-token');
    expect(call?.headers.authorization).toMatch(
      /Credential=ASIAEXEC\/\d{8}\/eu-west-1\/secretsmanager\/aws4_request/,
    );
    expect(JSON.parse(call?.body ?? '')).toEqual({ SecretId: 'arn:s', VersionStage: 'AWSCURRENT' });
  });

  it('signs GetParameters for ssm; a 5xx is tried once more, a refusal is final', async () => {
    seen.length = 0;
    answers.push([500, { __type: 'InternalServerError', message: 'boom' }], [200, { Parameters: [] }]);
    await store.getParameters(credentials, 'us-east-1', { Names: ['/a'], WithDecryption: true });
    expect(seen.map((s) => s.headers['x-amz-target'])).toEqual([
      'AmazonSSM.GetParameters',
      'AmazonSSM.GetParameters',
    ]);
    expect(seen[0]?.headers.authorization).toMatch(/\/us-east-1\/ssm\/aws4_request/);
    seen.length = 0;
    answers.push([400, { __type: 'AccessDeniedException', message: 'no' }]);
    await expect(store.getParameters(credentials, 'us-east-1', { Names: ['/a'] })).rejects.toThrow(
      'AccessDeniedException: no',
    );
    expect(seen).toHaveLength(1);
  });
});
