import { describe, expect, it } from 'vitest';

import { withTaskEndpointEnv } from '../engine/task-endpoint-env.js';
import { aTask } from '../test-support/task-fixtures.test-support.js';
import { endpointEnv } from './endpoint-env.js';
import { EndpointTokens } from './endpoint-tokens.js';

const tokens = new EndpointTokens(Buffer.alloc(32, 7));
const location = { address: '169.254.170.2', port: 40100, forwarderPort: 40101 };

describe('task endpoint environment', () => {
  it('gives metadata URIs, region and endpoint; credentials only with a task role', () => {
    const task = aTask([], { taskArn: 'arn:aws:ecs:eu-west-3:000000000000:task/c/abc' });
    const token = tokens.containerToken(task.taskArn, 'web');
    expect(endpointEnv(location, tokens, task, 'web')).toEqual({
      ECS_CONTAINER_METADATA_URI_V4: `http://169.254.170.2:40100/v4/${token}`,
      ECS_CONTAINER_METADATA_URI: `http://169.254.170.2:40100/v3/${token}`,
      AWS_REGION: 'eu-west-3',
      AWS_DEFAULT_REGION: 'eu-west-3',
      AWS_ENDPOINT_URL: 'http://169.254.170.2:40101',
    });
    const withRole = { ...task, taskRoleArn: 'arn:aws:iam::000000000000:role/app' };
    expect(endpointEnv(location, tokens, withRole, 'web')).toMatchObject({
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://169.254.170.2:40100/v2/credentials/${tokens.credentialsId(task.taskArn)}`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: tokens.authorizationToken(task.taskArn),
    });
  });

  it("the container's own variables win; without an endpoint nothing is added", () => {
    const task = aTask([]);
    const endpoint = {
      envFor: () => ({ AWS_REGION: 'us-east-1', ECS_CONTAINER_METADATA_URI_V4: 'http://x/v4/t' }),
    };
    expect(withTaskEndpointEnv(endpoint, task, 'web', ['AWS_REGION=local', 'A=1'])).toEqual([
      'AWS_REGION=local',
      'A=1',
      'ECS_CONTAINER_METADATA_URI_V4=http://x/v4/t',
    ]);
    expect(withTaskEndpointEnv(undefined, task, 'web', ['A=1'])).toEqual(['A=1']);
  });
});
