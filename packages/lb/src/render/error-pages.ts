/**
 * The answers ALB itself gives (its own errors, not a target's): nginx-style HTML pages with
 * `Server: awselb/2.0`, rendered as `http-error` lines so no file is needed beside the config.
 * A target group without a routable server gets HAProxy's 503, hence ALB's 503 page.
 */
import { configWord } from './haproxy-quote.js';

/** ALB's server header on every answer the load balancer makes itself. */
export const ALB_SERVER_HEADER = 'awselb/2.0';

/** The statuses HAProxy can generate, with the reason phrases ALB's pages carry. */
const ALB_ERRORS: readonly (readonly [number, string])[] = [
  [400, '400 Bad Request'],
  [403, '403 Forbidden'],
  [405, '405 Method Not Allowed'],
  [408, '408 Request Time-out'],
  [413, '413 Request Entity Too Large'],
  [500, '500 Internal Server Error'],
  [502, '502 Bad Gateway'],
  [503, '503 Service Temporarily Unavailable'],
  [504, '504 Gateway Time-out'],
];

/** ALB's HTML body for an error, CRLF line ends included. */
export const albErrorBody = (title: string): string =>
  `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;

export const renderErrorPages = (): string[] =>
  ALB_ERRORS.map(
    ([status, title]) =>
      `    http-error status ${status} content-type "text/html" string ${configWord(albErrorBody(title))} ` +
      `hdr Server ${configWord(ALB_SERVER_HEADER)}`,
  );
