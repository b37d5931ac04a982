/**
 * The task metadata and credentials endpoint's HTTP server (node:http): GET only, JSON answers,
 * one handler per route. A handler that fails answers 500 and is logged; the server never throws
 * at the agent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { handleCredentials, type CredentialsDeps } from './credentials-handler.js';
import { routeOf } from './endpoint-routes.js';
import { errorResponse, type EndpointResponse } from './endpoint-response.js';
import { handleMetadata, type MetadataDeps } from './metadata-handler.js';

export type TaskEndpointServerDeps = MetadataDeps & CredentialsDeps;

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export class TaskEndpointServer {
  private readonly server: Server;

  constructor(private readonly deps: TaskEndpointServerDeps) {
    this.server = createServer((request, response) => void this.serve(request, response));
    this.server.on('error', (error) => deps.log('task endpoint server error', { error: String(error) }));
  }

  /** Listens on host:port (0: any free port) and resolves to the port. */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let answer: EndpointResponse;
    try {
      answer = await this.answer(request);
    } catch (error) {
      this.deps.log('task endpoint request failed', { url: request.url, error: String(error) });
      answer = errorResponse(500, 'InternalServerException', 'The task endpoint could not answer.');
    }
    const body = JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  }

  private answer(request: IncomingMessage): Promise<EndpointResponse> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return Promise.resolve(
        errorResponse(405, 'MethodNotAllowed', `${request.method ?? ''} is not allowed.`),
      );
    }
    const route = routeOf(request.url ?? '/');
    if (route.kind === 'credentials')
      return handleCredentials(this.deps, route.id, header(request, 'authorization'));
    if (route.kind === 'metadata') return handleMetadata(this.deps, route.version, route.token, route.path);
    return Promise.resolve(errorResponse(404, 'NotFound', 'No such path.'));
  }
}
