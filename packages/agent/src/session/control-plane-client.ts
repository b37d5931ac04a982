/**
 * A SigV4-signed AWS JSON 1.1 client for the control plane: the agent's only way to reach it. The
 * signing name says which API a call is for (`ecs` by default; `logs` for the log shipper), the
 * region is the one the request is signed for.
 */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AgentCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials (an assumed role's) carry their session token. */
  readonly sessionToken?: string;
}

export class ControlPlaneError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(`${code}: ${message}`);
    this.name = 'ControlPlaneError';
  }
}

export class ControlPlaneClient {
  private readonly url: URL;
  private readonly signer: SignatureV4;

  constructor(endpoint: string, credentials: AgentCredentials, region: string, signingName = 'ecs') {
    this.url = new URL(endpoint);
    this.signer = new SignatureV4({
      credentials,
      region,
      service: signingName,
      sha256: Hash.bind(null, 'sha256'),
    });
  }

  async call<T>(target: string, body: unknown, timeoutMs: number, cancel?: AbortSignal): Promise<T> {
    const payload = JSON.stringify(body);
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: this.url.protocol,
      hostname: this.url.hostname,
      ...(this.url.port ? { port: Number(this.url.port) } : {}),
      path: '/',
      query: {},
      headers: {
        host: this.url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
      },
      body: payload,
    });
    const response = await fetch(new URL('/', this.url), {
      method: 'POST',
      headers: signed.headers,
      body: payload,
      signal: cancel
        ? AbortSignal.any([AbortSignal.timeout(timeoutMs), cancel])
        : AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : {}) as { __type?: string; message?: string };
    if (!response.ok) {
      throw new ControlPlaneError(
        parsed.__type ?? String(response.status),
        parsed.message ?? text,
        response.status,
      );
    }
    return parsed as T;
  }
}
