import type { LogConfiguration } from '@berth/wire/ecs';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException, fargateRequest } from './fixtures.test-support.js';

const AWSLOGS: LogConfiguration = {
  logDriver: 'awslogs',
  options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
};
const ROLE = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' };

describe('log configuration', () => {
  it('logDriver is one of the drivers ECS supports', () => {
    expectClientException(
      ec2Request({ logConfiguration: { logDriver: 'loki' as never } }),
      "1 validation error detected: Value 'loki' at 'containerDefinitions.1.member.logConfiguration.logDriver' " +
        'failed to satisfy constraint: Member must satisfy enum value set: ' +
        '[json-file, syslog, journald, gelf, fluentd, awslogs, splunk, awsfirelens]',
    );
    expectClientException(
      ec2Request({ logConfiguration: {} as LogConfiguration }),
      "Invalid 'logConfiguration.logDriver' setting for container 'web'.",
    );
  });

  it('Fargate supports awslogs, splunk and awsfirelens only', () => {
    expectClientException(
      fargateRequest({ logConfiguration: { logDriver: 'json-file' } }),
      'Log driver json-file is not supported for the Fargate launch type. Supported log drivers are awslogs, splunk, and awsfirelens.',
    );
    expect(() => build(fargateRequest({ logConfiguration: { logDriver: 'splunk' } }))).not.toThrow();
  });

  it('awslogs requires awslogs-region and awslogs-group', () => {
    expectClientException(
      ec2Request({ logConfiguration: { logDriver: 'awslogs' } }),
      'Log driver awslogs requires options: awslogs-region, awslogs-group',
    );
    expectClientException(
      ec2Request({ logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-region': 'us-east-1' } } }),
      'Log driver awslogs requires options: awslogs-group',
    );
  });

  it('awslogs refuses options it does not know', () => {
    expectClientException(
      ec2Request({
        logConfiguration: { logDriver: 'awslogs', options: { ...AWSLOGS.options, log_key: 'log' } },
      }),
      'Log driver awslogs disallows options: log_key',
    );
    const options = {
      ...AWSLOGS.options,
      'awslogs-create-group': 'true',
      mode: 'non-blocking',
      'max-buffer-size': '25m',
    };
    expect(() => build(ec2Request({ logConfiguration: { logDriver: 'awslogs', options } }))).not.toThrow();
  });

  it('awslogs on Fargate needs an execution role', () => {
    expectClientException(
      fargateRequest({ logConfiguration: AWSLOGS }),
      'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    );
    expect(() => build(fargateRequest({ logConfiguration: AWSLOGS }, ROLE))).not.toThrow();
    expect(() => build(ec2Request({ logConfiguration: AWSLOGS }))).not.toThrow();
  });

  it('options are a map of strings', () => {
    expectClientException(
      ec2Request({ logConfiguration: { logDriver: 'json-file', options: { 'max-size': 10 } as never } }),
      "Invalid 'logConfiguration.options' setting for container 'web'.",
    );
  });

  it('secretOptions need a name and valueFrom, and an execution role', () => {
    expectClientException(
      ec2Request(
        { logConfiguration: { logDriver: 'splunk', secretOptions: [{ name: 'token' } as never] } },
        ROLE,
      ),
      "Invalid 'logConfiguration.secretOptions' setting for container 'web'.",
    );
    expectClientException(
      ec2Request({
        logConfiguration: {
          logDriver: 'splunk',
          secretOptions: [{ name: 'token', valueFrom: 'splunk-token' }],
        },
      }),
      "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
    );
  });
});
