/** `--alarm-webhook <snsTopicArn>=<http-url>`, repeatable: SNS topics whose alarm notifications go to a URL. */
import { InvalidArgumentError } from 'commander';

import type { AlarmWebhook } from '@berth/server';

const TOPIC = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/;

export const parseAlarmWebhook = (value: string): AlarmWebhook => {
  const at = value.indexOf('=');
  const topicArn = at < 0 ? '' : value.slice(0, at);
  const url = at < 0 ? '' : value.slice(at + 1);
  if (!TOPIC.test(topicArn))
    throw new InvalidArgumentError(
      `expected <snsTopicArn>=<url>, e.g. arn:aws:sns:us-east-1:000000000000:ops=http://127.0.0.1:9000/; got ${value}`,
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError(`${url} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new InvalidArgumentError(`${url} must be an http:// or https:// URL`);
  return { topicArn, url };
};

export const collectAlarmWebhook = (value: string, previous: readonly AlarmWebhook[]): AlarmWebhook[] => [
  ...previous,
  parseAlarmWebhook(value),
];
