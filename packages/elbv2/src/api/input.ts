/**
 * Views a decoded awsQuery request as an operation's input shape. The codec decodes by the
 * model's shapes; the services validate every value they use, so a wrong value still ends in an
 * ELBv2 error.
 */
export const as = <T>(input: Record<string, unknown>): T => input as T;

/** `{ NextMarker }` when there is a next page, else nothing. */
export const marker = (page: { readonly nextMarker?: string }): { NextMarker?: string } =>
  page.nextMarker !== undefined ? { NextMarker: page.nextMarker } : {};
