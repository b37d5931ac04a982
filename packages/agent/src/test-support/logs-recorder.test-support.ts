/**
 * A small CloudWatch Logs stand-in for log-shipping tests: an HTTP server on loopback that records
 * every AWS JSON 1.1 request (target, body, SigV4 credential scope) and answers CreateLogGroup,
 * CreateLogStream and PutLogEvents as the Logs API does (groups must exist unless created).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedLogsRequest {
  readonly target: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string;
}

export interface RecordedEvent {
  readonly stream: string;
  readonly timestamp: number;
  readonly message: string;
}

export class LogsRecorder {
  readonly requests: RecordedLogsRequest[] = [];
  readonly groups = new Set<string>();
  /** How long each PutLogEvents answer is held back (a slow endpoint makes a shipper fall behind). */
  putDelayMs = 0;
  private server: Server | undefined;

  get endpoint(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Every PutLogEvents event, in the order received. */
  events(group?: string): RecordedEvent[] {
    return this.requests
      .filter((r) => r.target === 'Logs_20140328.PutLogEvents')
      .filter((r) => group === undefined || r.body['logGroupName'] === group)
      .flatMap((r) =>
        (r.body['logEvents'] as { timestamp: number; message: string }[]).map((e) => ({
          stream: String(r.body['logStreamName']),
          ...e,
        })),
      );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const target = String(req.headers['x-amz-target'] ?? '');
    const body = JSON.parse(text || '{}') as Record<string, unknown>;
    this.requests.push({ target, body, authorization: String(req.headers.authorization ?? '') });
    const group = typeof body['logGroupName'] === 'string' ? body['logGroupName'] : '';
    const reply = (status: number, payload: object): void => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(payload));
    };
    if (target === 'Logs_20140328.CreateLogGroup') {
      if (this.groups.has(group))
        return reply(400, {
          __type: 'ResourceAlreadyExistsException',
          message: 'The specified log group already exists',
        });
      this.groups.add(group);
      return reply(200, {});
    }
    if (!this.groups.has(group))
      return reply(400, {
        __type: 'ResourceNotFoundException',
        message: 'The specified log group does not exist.',
      });
    if (target === 'Logs_20140328.PutLogEvents' && this.putDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.putDelayMs));
    return reply(200, {});
  }
}
