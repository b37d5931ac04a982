/**
 * ECS through the gateway's model-guided awsJson1_1 codec: timestamps the CLI and SDKs send as
 * epoch numbers still reach handlers as epoch seconds, and epoch-second outputs stay numbers.
 */
import { describe, expect, it } from 'vitest';

import { ApiError } from '@berth/core';
import { awsJson1_1 } from '@berth/gateway';
import { ECS_MODEL } from '@berth/wire/ecs';

const decode = (operation: string, input: object): Record<string, unknown> =>
  awsJson1_1.decodeInput(Buffer.from(JSON.stringify(input)), operation, ECS_MODEL);

const encode = (operation: string, output: object): unknown =>
  JSON.parse(awsJson1_1.encodeOutput(output, operation, ECS_MODEL, 'rid').body.toString());

describe('ECS on the awsJson1_1 codec', () => {
  it('passes SubmitTaskStateChange epoch timestamps through as epoch seconds', () => {
    const input = {
      cluster: 'default',
      task: 'arn:aws:ecs:us-east-1:000000000000:task/default/abc',
      status: 'RUNNING',
      pullStartedAt: 1_700_000_000.25,
      pullStoppedAt: 1_700_000_001,
      executionStoppedAt: 1_700_000_002.5,
      containers: [{ containerName: 'web', exitCode: 0, networkBindings: [{ hostPort: 8080 }] }],
    };
    expect(decode('SubmitTaskStateChange', input)).toEqual(input);
  });

  it('reads ISO-8601 timestamps and drops nulls, as AWS does', () => {
    expect(decode('SubmitTaskStateChange', { pullStartedAt: '2023-11-14T22:13:20Z', reason: null })).toEqual({
      pullStartedAt: 1_700_000_000,
    });
  });

  it('passes ListServiceDeployments createdAt filters through as epoch seconds', () => {
    const input = { service: 'web', createdAt: { before: 1_700_000_000, after: 0 } };
    expect(decode('ListServiceDeployments', input)).toEqual(input);
  });

  it('keeps members the model does not name, as handlers have always seen them', () => {
    expect(decode('ListClusters', { maxResults: 10, berthExtra: { a: 1 } })).toEqual({
      maxResults: 10,
      berthExtra: { a: 1 },
    });
  });

  it('answers a wrongly typed member with a SerializationException', () => {
    expect(() => decode('ListClusters', { maxResults: 'ten' })).toThrow(ApiError);
  });

  it('writes epoch-second output timestamps as numbers', () => {
    const output = {
      serviceDeployments: [
        { serviceDeploymentArn: 'arn', createdAt: 1_700_000_000.5, startedAt: 1_700_000_001 },
      ],
    };
    expect(encode('ListServiceDeployments', output)).toEqual(output);
    const services = {
      services: [{ serviceName: 'web', createdAt: 1_700_000_000, deployments: [{ createdAt: 2 }] }],
    };
    expect(encode('DescribeServices', services)).toEqual(services);
  });

  it('writes ECS errors with their lowercase message', () => {
    const error = new ApiError('ClientException', 'bad', 400);
    const body = JSON.parse(awsJson1_1.encodeError(error, ECS_MODEL, 'rid').body.toString()) as unknown;
    expect(body).toEqual({ __type: 'ClientException', message: 'bad' });
  });
});
