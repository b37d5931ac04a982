import type { ServerResponse } from 'node:http';

import type { RegistryError } from './registry-error.js';

export type Headers = Readonly<Record<string, string | number>>;

/** Answers with no body (`Content-Length: 0`); HEAD answers go through here too. */
export const sendEmpty = (res: ServerResponse, status: number, headers: Headers = {}): void => {
  res.writeHead(status, { 'Content-Length': 0, ...headers });
  res.end();
};

export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void => {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': bytes.byteLength,
    ...headers,
  });
  res.end(bytes);
};

/** The distribution error body; a HEAD gets the status and headers only. */
export const sendError = (res: ServerResponse, error: RegistryError, head: boolean): void => {
  const headers = error.headers;
  const entry = {
    code: error.code,
    message: error.message,
    ...(error.detail !== undefined && { detail: error.detail }),
  };
  if (head) {
    sendEmpty(res, error.status, { 'Content-Type': 'application/json', ...headers });
    return;
  }
  sendJson(res, error.status, { errors: [entry] }, headers);
};
