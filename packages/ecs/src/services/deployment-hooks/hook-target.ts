/**
 * Where a lifecycle hook of targetType AWS_LAMBDA goes on Berth, which has no Lambda: its
 * hookTargetArn names a Berth-local target instead —
 * - an `http://` or `https://` URL: the invocation is POSTed to it as JSON;
 * - a `file://` URL of an executable inside the server's lifecycle hook directory
 *   (`berth server --lifecycle-hook-dir`): it is run with the invocation on stdin.
 * Anything else (a Lambda function ARN) is refused when the service is created or updated. A
 * command must stay inside the directory: API callers must not run programs of their choosing on
 * the host. Pure.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type HookTarget =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'command'; readonly path: string }
  | { readonly kind: 'invalid'; readonly message: string };

const LAMBDA_REFUSED =
  "Berth cannot invoke AWS Lambda functions: a lifecycle hook's hookTargetArn must be an http(s):// URL " +
  "or a file:// command in the server's lifecycle hook directory.";

const commandTarget = (url: URL, commandDir: string | undefined): HookTarget => {
  if (commandDir === undefined)
    return {
      kind: 'invalid',
      message: `The lifecycle hook command ${url.href} cannot run: this Berth server was started without --lifecycle-hook-dir.`,
    };
  const path = resolve(decodeURIComponent(url.pathname));
  const inside = relative(resolve(commandDir), path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..'))
    return {
      kind: 'invalid',
      message: `The lifecycle hook command ${url.href} is not inside the server's lifecycle hook directory.`,
    };
  return { kind: 'command', path };
};

export const parseHookTarget = (hookTargetArn: string, commandDir: string | undefined): HookTarget => {
  let url: URL;
  try {
    url = new URL(hookTargetArn);
  } catch {
    return { kind: 'invalid', message: LAMBDA_REFUSED };
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '')
    return { kind: 'url', url: url.href };
  if (url.protocol === 'file:' && url.hostname === '') return commandTarget(url, commandDir);
  return { kind: 'invalid', message: LAMBDA_REFUSED };
};
