/**
 * Berth's ECR registry: `berth server --in-memory --no-agent --registry-port <q>` (q a free port
 * the bench picks), its ECR API on the main endpoint. The registry wants ECR's auth on every
 * request: `Authorization: Basic <authorizationToken>`, the token from GetAuthorizationToken being
 * base64("AWS:" + password) already. Repositories are made with CreateRepository before a push.
 */
import { CreateRepositoryCommand, ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';

import type { BenchConfig } from '../config.js';
import { freePort, waitForHttp } from '../net.js';
import { sdkClientOptions } from '../sdk-options.js';
import { startBerth } from '../servers.js';

import { connectTo } from './distribution-client.js';
import type { RegistryUnderTest } from './registry-under-test.js';

const REGISTRY_READY_MS = 15_000;

const authorizationToken = async (ecr: ECRClient): Promise<string> => {
  const answer = await ecr.send(new GetAuthorizationTokenCommand({}));
  const token = answer.authorizationData?.[0]?.authorizationToken;
  if (!token) throw new Error('GetAuthorizationToken returned no authorizationToken');
  if (!Buffer.from(token, 'base64').toString('utf8').startsWith('AWS:'))
    throw new Error('GetAuthorizationToken: the token is not base64("AWS:" + password)');
  return token;
};

/** `env` is the server's environment (a TMPDIR of the bench's, so that its files go with it). */
export const startBerthRegistry = async (
  config: BenchConfig,
  env: NodeJS.ProcessEnv,
): Promise<RegistryUnderTest> => {
  const registryPort = await freePort();
  const server = await startBerth(config, { agent: false, env, registryPort });
  const ecr = new ECRClient(sdkClientOptions(config, server.endpoint));
  const stop = async (): Promise<void> => {
    ecr.destroy();
    await server.stop();
  };
  try {
    if (!(await waitForHttp(registryPort, performance.now() + REGISTRY_READY_MS)))
      throw new Error(`berth's registry did not answer on 127.0.0.1:${registryPort}`);
    const token = await authorizationToken(ecr);
    return {
      system: 'berth',
      connection: connectTo(`http://127.0.0.1:${registryPort}`, `Basic ${token}`),
      createRepository: async (repositoryName) => {
        await ecr.send(new CreateRepositoryCommand({ repositoryName }));
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
