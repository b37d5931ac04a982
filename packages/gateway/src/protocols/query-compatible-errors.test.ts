/**
 * An awsQueryCompatible API (CloudWatch) answers JSON 1.0 and CBOR errors named by their shape in
 * `__type`, with the query code and fault side in `x-amzn-query-error`; other APIs do not.
 */
import { decode } from 'cbor-x';
import { describe, expect, it } from 'vitest';

import { ApiError } from '@berth/core';
import { CLOUDWATCH_MODEL } from '@berth/wire/cloudwatch';
import { ELBV2_MODEL } from '@berth/wire/elbv2';

import { awsJson1_0 } from './aws-json.js';
import { rpcv2Cbor } from './rpcv2-cbor.js';

const invalidValue = new ApiError('InvalidParameterValue', 'The parameter Namespace is bad.', 400);

describe('awsQueryCompatible errors', () => {
  it('JSON 1.0: __type is the shape name, x-amzn-query-error the code', () => {
    const response = awsJson1_0.encodeError(invalidValue, CLOUDWATCH_MODEL, 'rid');
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-query-error']).toBe('InvalidParameterValue;Sender');
    expect(JSON.parse(response.body.toString())).toEqual({
      __type: 'InvalidParameterValueException',
      message: 'The parameter Namespace is bad.',
    });
  });

  it('CBOR: the same, and a server fault says Receiver', () => {
    const fault = new ApiError('InternalServiceError', 'boom', 500);
    const response = rpcv2Cbor.encodeError(fault, CLOUDWATCH_MODEL, 'rid');
    expect(response.headers['x-amzn-query-error']).toBe('InternalServiceError;Receiver');
    expect(decode(response.body as Buffer)).toEqual({ __type: 'InternalServiceFault', Message: 'boom' });
  });

  it('a code without a shape keeps its code; other APIs get no header', () => {
    const unknown = awsJson1_0.encodeError(new ApiError('Throttling', 'slow', 400), CLOUDWATCH_MODEL, 'r');
    expect(JSON.parse(unknown.body.toString())['__type']).toBe('Throttling');
    const elbv2 = awsJson1_0.encodeError(invalidValue, ELBV2_MODEL, 'r');
    expect(elbv2.headers['x-amzn-query-error']).toBeUndefined();
    expect(JSON.parse(elbv2.body.toString())['__type']).toBe('InvalidParameterValue');
  });
});
