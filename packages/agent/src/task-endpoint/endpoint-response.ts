/** What an endpoint handler answers: a status and a JSON body. */
export interface EndpointResponse {
  readonly status: number;
  readonly body: unknown;
}

export const json = (status: number, body: unknown): EndpointResponse => ({ status, body });

/** The credentials endpoint's error shape (the ECS agent's `{"code", "message"}`). */
export const errorResponse = (status: number, code: string, message: string): EndpointResponse =>
  json(status, { code, message });
