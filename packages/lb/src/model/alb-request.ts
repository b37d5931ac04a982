/**
 * An HTTP request as ALB's rule conditions see it, and the small readings of it they share: the
 * host without its port, and the raw query string split into key=value pairs.
 */

export interface AlbRequest {
  readonly method: string;
  /** The Host header (or HTTP/2 :authority) as received, port included if the client sent one. */
  readonly host: string;
  /** The path only, as received (not percent-decoded), starting with '/'. */
  readonly path: string;
  /** The raw query string without the '?', or undefined when the request had no '?'. */
  readonly query?: string;
  /** Header name (any case) → every occurrence's value, in order. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly sourceIp: string;
}

/** The host compared by host-header conditions: without ':port' (an IPv6 literal keeps its brackets). */
export const hostWithoutPort = (host: string): string => {
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close < 0 ? host : host.slice(0, close + 1);
  }
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
};

/**
 * The query's key=value pairs, raw (no percent-decoding, '+' kept). Empty segments and segments
 * without '=' are not pairs and never match a condition; the value is everything after the first '='.
 */
export const queryPairs = (query: string | undefined): readonly { key: string; value: string }[] =>
  (query ?? '')
    .split('&')
    .filter((segment) => segment.includes('='))
    .map((segment) => {
      const eq = segment.indexOf('=');
      return { key: segment.slice(0, eq), value: segment.slice(eq + 1) };
    });

/** Every occurrence of a header, whatever the case of its name in the request. */
export const headerValues = (request: AlbRequest, name: string): readonly string[] => {
  const wanted = name.toLowerCase();
  return Object.entries(request.headers)
    .filter(([key]) => key.toLowerCase() === wanted)
    .flatMap(([, values]) => values);
};
