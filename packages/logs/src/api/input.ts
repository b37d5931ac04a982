/**
 * Views a decoded awsJson1_1 request as an operation's input shape. The codec decodes by the
 * model's shapes; the services validate every value they use, so a wrong value still ends in a
 * CloudWatch Logs error.
 */
export const as = <T>(input: Record<string, unknown>): T => input as T;

/** `{ nextToken }` when there is a next page, else nothing. */
export const nextToken = (page: { readonly nextToken?: string }): { nextToken?: string } =>
  page.nextToken !== undefined ? { nextToken: page.nextToken } : {};
