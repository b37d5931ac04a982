/**
 * Gzip-compressed request bodies through a real GatewayServer: SigV4 (signed by
 * @smithy/signature-v4) covers the compressed bytes as sent, the codec reads the decompressed
 * ones, and a corrupt body is the protocol's own 400.
 */
import { gzipSync } from 'node:zlib';

import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { send, startGateway } from './gateway-server.test-support.js';
import { MAX_BODY_BYTES } from './request-body.js';
import { loadVectors } from './protocols/test-vectors.test-support.js';

const GZIP = { 'content-encoding': 'gzip' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...GZIP };
const JSON_HEADERS = {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'FakeJson_20240101.Echo',
  ...GZIP,
};

const jsonOf = (body: Buffer) => JSON.parse(body.toString()) as Record<string, unknown>;
const xml = new XMLParser({ parseTagValue: false });
const xmlOf = (body: Buffer) => xml.parse(body.toString()) as Record<string, Record<string, unknown>>;

let gateway: Awaited<ReturnType<typeof startGateway>>;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(() => gateway.close());

describe('GatewayServer with Content-Encoding: gzip', () => {
  it('decodes a gzipped JSON body signed over its compressed bytes', async () => {
    // The payload of Smithy's request-compression vectors (which carry no body of their own).
    const vector = loadVectors('awsJson1_1').find((v) => v.id === 'SDKAppliedContentEncoding_awsJson1_1');
    const value = String(vector?.params['data']);
    const body = gzipSync(JSON.stringify({ value }));
    const response = await send(gateway.port, 'fakejson', { headers: JSON_HEADERS, body });
    expect(response.status).toBe(200);
    expect(jsonOf(response.body)).toEqual({ value });
  });

  it('routes a gzipped query body by the Action and Version inside it', async () => {
    const body = gzipSync('Action=DescribeThings&Version=2015-12-01&Names.member.1=a');
    const response = await send(gateway.port, 'fakequery', { headers: FORM, body });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toContain('<Name>a</Name>');
  });

  it('rejects a signature computed over the uncompressed body', async () => {
    const plain = '{"value":"hi"}';
    const signer = new SignatureV4({
      credentials: { accessKeyId: 'AKIDGATEWAY', secretAccessKey: 'gateway-secret' },
      region: 'us-east-1',
      service: 'fakejson',
      sha256: Hash.bind(null, 'sha256'),
    });
    const host = `127.0.0.1:${gateway.port}`;
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: gateway.port,
      path: '/',
      query: {},
      headers: { host, ...JSON_HEADERS },
      body: plain,
    });
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`http://${host}/`, { method: 'POST', headers, body: gzipSync(plain) });
    expect(response.status).toBe(400);
    expect(jsonOf(Buffer.from(await response.arrayBuffer()))).toMatchObject({
      __type: 'InvalidSignatureException',
      message: expect.stringContaining('does not match') as string,
    });
  });

  it('answers a corrupt gzip JSON body with a SerializationException', async () => {
    const response = await send(gateway.port, 'fakejson', {
      headers: JSON_HEADERS,
      body: Buffer.from('not gzip at all'),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(jsonOf(response.body)).toMatchObject({
      __type: 'SerializationException',
      message: 'The request body is not valid gzip data.',
    });
  });

  it('answers a corrupt gzip query body in XML', async () => {
    const response = await send(gateway.port, 'fakequery', { headers: FORM, body: Buffer.from([1, 2, 3]) });
    expect(response.status).toBe(400);
    expect(xmlOf(response.body)['ErrorResponse']!['Error']).toMatchObject({
      Code: 'InvalidQueryParameter',
      Message: 'The request body is not valid gzip data.',
    });
  });

  it('answers a body that decompresses past the limit with a 413', async () => {
    const body = gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1, ' '));
    const response = await send(gateway.port, 'fakejson', { headers: JSON_HEADERS, body });
    expect(response.status).toBe(413);
  });
});
