import { decode, encode, Tag } from 'cbor-x';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { send, startGateway } from './gateway-server.test-support.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const JSON_HEADERS = {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'FakeJson_20240101.Echo',
};
const CBOR_HEADERS = {
  'content-type': 'application/cbor',
  'smithy-protocol': 'rpc-v2-cbor',
  accept: 'application/cbor',
};
const CBOR_PATH = '/service/FakeJson_20240101/operation/Echo';
const SCOPE_MESSAGE = (name: string) => `Credential should be scoped to correct service: '${name}'. `;

const xml = new XMLParser({ parseTagValue: false, trimValues: false });
const xmlOf = (body: Buffer) =>
  xml.parse(body.toString()) as Record<string, Record<string, Record<string, unknown>>>;
const queryError = (body: Buffer) => xmlOf(body)['ErrorResponse']!['Error']!;
const jsonOf = (body: Buffer) => JSON.parse(body.toString()) as Record<string, unknown>;

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

describe('GatewayServer routing', () => {
  it('routes a query request by Action and Version and answers XML', async () => {
    const body = 'Action=DescribeThings&Version=2015-12-01&Names.member.1=a&Names.member.2=b%20c';
    const response = await send(gateway.port, 'fakequery', { headers: FORM, body });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    const root = xmlOf(response.body)['DescribeThingsResponse']!;
    expect(root['DescribeThingsResult']).toEqual({
      Things: {
        member: [
          { Name: 'a', CreatedTime: '2026-12-02T18:00:00.000Z' },
          { Name: 'b c', CreatedTime: '2026-12-02T18:00:00.000Z' },
        ],
      },
    });
    expect(response.body.toString()).toContain(
      '<DescribeThingsResponse xmlns="http://fake.example/doc/2015-12-01/">',
    );
    expect(root['ResponseMetadata']!['RequestId']).toBe(response.headers.get('x-amzn-requestid'));
  });

  it('routes a JSON request by X-Amz-Target', async () => {
    const response = await send(gateway.port, 'fakejson', { headers: JSON_HEADERS, body: '{"value":"hi"}' });
    expect(response.status).toBe(200);
    expect(jsonOf(response.body)).toEqual({ value: 'hi' });
  });

  it('routes an rpcv2Cbor request by its path, timestamps and blobs round-tripping', async () => {
    const body = encode({ value: 'hi', at: new Tag(1796234400.5, 1), data: Buffer.from('bytes') });
    const response = await send(gateway.port, 'fakejson', { path: CBOR_PATH, headers: CBOR_HEADERS, body });
    expect(response.status).toBe(200);
    expect(response.headers.get('smithy-protocol')).toBe('rpc-v2-cbor');
    expect(response.headers.get('content-type')).toBe('application/cbor');
    const decoded = decode(response.body) as Record<string, unknown>;
    expect(decoded['value']).toBe('hi');
    expect((decoded['at'] as Date).getTime()).toBe(1796234400500);
    expect(Buffer.from(decoded['data'] as Uint8Array).toString()).toBe('bytes');
  });
});

describe('GatewayServer refusals', () => {
  it('refuses a request signed for another service, in the protocol of the API it reached', async () => {
    const query = await send(gateway.port, 'ecs', {
      headers: FORM,
      body: 'Action=DescribeThings&Version=2015-12-01',
    });
    expect(query.status).toBe(403);
    expect(queryError(query.body)).toMatchObject({
      Type: 'Sender',
      Code: 'SignatureDoesNotMatch',
      Message: SCOPE_MESSAGE('fakequery'),
    });
    const json = await send(gateway.port, 'ecs', { headers: JSON_HEADERS, body: '{}' });
    expect(json.status).toBe(403);
    expect(jsonOf(json.body)).toEqual({
      __type: 'InvalidSignatureException',
      message: SCOPE_MESSAGE('fakejson'),
    });
    const cbor = await send(gateway.port, 'ecs', {
      path: CBOR_PATH,
      headers: CBOR_HEADERS,
      body: encode({}),
    });
    expect(cbor.status).toBe(403);
    expect(decode(cbor.body)).toEqual({
      __type: 'InvalidSignatureException',
      message: SCOPE_MESSAGE('fakejson'),
    });
  });

  it('answers an unknown action in each protocol', async () => {
    const unknown = await send(gateway.port, 'fakequery', {
      headers: FORM,
      body: 'Action=Nope&Version=2015-12-01',
    });
    expect(unknown.status).toBe(400);
    expect(queryError(unknown.body)['Code']).toBe('InvalidAction');
    const missing = await send(gateway.port, 'fakequery', { headers: FORM, body: 'Version=2015-12-01' });
    expect(missing.status).toBe(400);
    expect(queryError(missing.body)['Code']).toBe('MissingAction');
    const wrongVersion = await send(gateway.port, 'fakequery', {
      headers: FORM,
      body: 'Action=DescribeThings&Version=2099-01-01',
    });
    expect(wrongVersion.status).toBe(400);
    expect(queryError(wrongVersion.body)).toMatchObject({
      Code: 'InvalidAction',
      Message: 'Could not find operation DescribeThings for version 2099-01-01',
    });
    const noVersion = await send(gateway.port, 'fakequery', { headers: FORM, body: 'Action=DescribeThings' });
    expect(queryError(noVersion.body)['Message']).toBe(
      'Could not find operation DescribeThings for version NO_VERSION_SPECIFIED',
    );
    const json = await send(gateway.port, 'fakejson', {
      headers: { ...JSON_HEADERS, 'x-amz-target': 'FakeJson_20240101.Nope' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(jsonOf(json.body)['__type']).toBe('UnknownOperationException');
    const cbor = await send(gateway.port, 'fakejson', {
      path: '/service/FakeJson_20240101/operation/Nope',
      headers: CBOR_HEADERS,
      body: '',
    });
    expect(cbor.status).toBe(400);
    expect((decode(cbor.body) as Record<string, unknown>)['__type']).toBe('UnknownOperationException');
  });

  it('answers malformed bodies with the protocol’s own error', async () => {
    const json = await send(gateway.port, 'fakejson', { headers: JSON_HEADERS, body: '{"value":' });
    expect(json.status).toBe(400);
    expect(jsonOf(json.body)['__type']).toBe('SerializationException');
    const cbor = await send(gateway.port, 'fakejson', {
      path: CBOR_PATH,
      headers: CBOR_HEADERS,
      body: Buffer.from([0xff]),
    });
    expect(cbor.status).toBe(400);
    expect((decode(cbor.body) as Record<string, unknown>)['__type']).toBe('SerializationException');
    const query = await send(gateway.port, 'fakequery', {
      headers: FORM,
      body: 'Action=DescribeThings&Version=2015-12-01&Limit=many',
    });
    expect(query.status).toBe(400);
    expect(queryError(query.body)).toMatchObject({ Code: 'InvalidParameterValue' });
  });

  it('spells a missing signature the query way', async () => {
    const response = await fetch(`http://127.0.0.1:${gateway.port}/`, {
      method: 'POST',
      headers: FORM,
      body: 'Action=DescribeThings&Version=2015-12-01',
    });
    expect(response.status).toBe(403);
    expect(queryError(Buffer.from(await response.arrayBuffer()))['Code']).toBe('MissingAuthenticationToken');
  });
});
