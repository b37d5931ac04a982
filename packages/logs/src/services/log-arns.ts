/** CloudWatch Logs ARNs: `arn:aws:logs:<region>:<account>:log-group:<name>[:log-stream:<stream>]`. */
import type { LogScope } from '@berth/telemetry';

import { invalidParameter } from './logs-errors.js';

export const logGroupArn = (scope: LogScope, name: string): string =>
  `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${name}`;

export const logStreamArn = (scope: LogScope, group: string, stream: string): string =>
  `${logGroupArn(scope, group)}:log-stream:${stream}`;

/** The log group a tagging ARN names, and the partition it names it in. */
export const parseLogGroupArn = (arn: unknown): { readonly scope: LogScope; readonly name: string } => {
  const match =
    typeof arn === 'string' ? /^arn:aws:logs:([^:]+):(\d{12}):log-group:([^:]+)(?::\*)?$/.exec(arn) : null;
  if (!match) throw invalidParameter(`Invalid resource ARN: ${String(arn)}`);
  const [, region = '', accountId = '', name = ''] = match;
  return { scope: { accountId, region }, name };
};
