import { describe, expect, it } from 'vitest';

import { CTX, NOW, unitLogs } from './test-support/logs.test-support.js';

describe('the Logs use cases other packages call', () => {
  it('create a group and a stream, put events, and describe one group (undefined when missing)', async () => {
    const { module } = unitLogs();
    const logs = module.useCases;
    expect(await logs.describeLogGroup(CTX.partition, '/ecs/web')).toBeUndefined();
    await logs.createLogGroup(CTX.partition, { logGroupName: '/ecs/web' });
    await expect(logs.createLogGroup(CTX.partition, { logGroupName: '/ecs/web' })).rejects.toMatchObject({
      code: 'ResourceAlreadyExistsException',
    });
    await expect(logs.createLogStream(CTX.partition, '/ecs/none', 's')).rejects.toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    await logs.createLogStream(CTX.partition, '/ecs/web', 'web/app/1');
    const put = await logs.putLogEvents(CTX.partition, {
      logGroupName: '/ecs/web',
      logStreamName: 'web/app/1',
      logEvents: [{ timestamp: NOW, message: 'hello' }],
    });
    expect(put.rejectedLogEventsInfo).toBeUndefined();
    expect(await logs.describeLogGroup(CTX.partition, '/ecs/web')).toMatchObject({
      name: '/ecs/web',
      storedBytes: 5,
    });
  });
});
