import { describe, expect, it } from 'vitest';

import { collectAlarmWebhook, parseAlarmWebhook } from './alarm-webhook-option.js';

describe('--alarm-webhook', () => {
  it('takes <topicArn>=<url>, repeatable, the URL keeping its own = signs', () => {
    const one = collectAlarmWebhook(
      'arn:aws:sns:us-east-1:000000000000:ops=http://127.0.0.1:9000/hook?a=b',
      [],
    );
    expect(collectAlarmWebhook('arn:aws:sns:us-east-1:000000000000:dev=https://x.test/', one)).toEqual([
      { topicArn: 'arn:aws:sns:us-east-1:000000000000:ops', url: 'http://127.0.0.1:9000/hook?a=b' },
      { topicArn: 'arn:aws:sns:us-east-1:000000000000:dev', url: 'https://x.test/' },
    ]);
  });

  it.each([
    'http://127.0.0.1/',
    'ops=http://127.0.0.1/',
    'arn:aws:sns:us-east-1:000000000000:ops=ftp://x/',
    'arn:aws:sns:us-east-1:000000000000:ops=nope',
  ])('refuses %s', (value) => {
    expect(() => parseAlarmWebhook(value)).toThrow();
  });
});
