/** The AWS SDK for JavaScript v3 (@aws-sdk/client-ecs), its waiters included, against Berth. */
import {
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  DescribeContainerInstancesCommand,
  PutAttributesCommand,
  ListAttributesCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  waitUntilTasksRunning,
  waitUntilTasksStopped,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { startServer, TEST_CREDENTIALS, TEST_REGION, type BerthProcess } from './support/berth-process.js';
import { ensureTestImages } from './support/test-images.js';

let berth: BerthProcess;
let ecs: ECSClient;
beforeAll(async () => {
  ensureTestImages();
  berth = await startServer();
  ecs = new ECSClient({ endpoint: berth.endpoint, region: TEST_REGION, credentials: TEST_CREDENTIALS });
});
afterAll(async () => {
  await berth?.stop();
});

it('runs an awsvpc task on its own address, with waiters', async () => {
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'sdk-awsvpc',
      networkMode: 'awsvpc',
      containerDefinitions: [
        {
          name: 'web',
          image: 'berth-test/busybox:latest',
          memory: 64,
          portMappings: [{ containerPort: 80 }],
        },
        {
          name: 'probe',
          image: 'berth-test/busybox:latest',
          memory: 32,
          essential: false,
          dependsOn: [{ containerName: 'web', condition: 'START' }],
          command: [
            'sh',
            '-c',
            'for i in $(seq 1 50); do wget -q -O /www/probe.html http://localhost:80/ && exit 0; sleep 0.2; done; exit 1',
          ],
        },
      ],
    }),
  );
  const run = await ecs.send(
    new RunTaskCommand({
      taskDefinition: 'sdk-awsvpc',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-12345678'], securityGroups: ['sg-12345678'] },
      },
    }),
  );
  expect(run.failures).toEqual([]);
  const taskArn = run.tasks?.[0]?.taskArn ?? '';
  expect(run.tasks?.[0]?.lastStatus).toBe('PROVISIONING');
  await waitUntilTasksRunning(
    { client: ecs, maxWaitTime: 120, minDelay: 1, maxDelay: 2 },
    { tasks: [taskArn] },
  );
  const task = (await ecs.send(new DescribeTasksCommand({ tasks: [taskArn] }))).tasks?.[0];
  const eni = task?.attachments?.[0];
  expect(eni?.type).toBe('ElasticNetworkInterface');
  expect(eni?.status).toBe('ATTACHED');
  const address = eni?.details?.find((d) => d.name === 'privateIPv4Address')?.value ?? '';
  expect(address).toMatch(/^127\.1\.\d+\.\d+$/);
  expect(eni?.details?.find((d) => d.name === 'subnetId')?.value).toBe('subnet-12345678');
  expect(task?.containers?.find((c) => c.name === 'web')?.networkInterfaces?.[0]?.privateIpv4Address).toBe(
    address,
  );
  const response = await fetch(`http://${address}:80/`, { signal: AbortSignal.timeout(5000) });
  expect(await response.text()).toBe('hello from berth\n');

  await ecs.send(new StopTaskCommand({ task: taskArn }));
  await waitUntilTasksStopped(
    { client: ecs, maxWaitTime: 120, minDelay: 1, maxDelay: 2 },
    { tasks: [taskArn] },
  );
  const stopped = (await ecs.send(new DescribeTasksCommand({ tasks: [taskArn] }))).tasks?.[0];
  expect(stopped?.attachments?.[0]?.status).toBe('DELETED');
});

it('keeps custom attributes on container instances and filters by them', async () => {
  const [arn] = (await ecs.send(new ListContainerInstancesCommand({}))).containerInstanceArns ?? [];
  await ecs.send(new PutAttributesCommand({ attributes: [{ name: 'stack', value: 'blue', targetId: arn }] }));
  const listed = await ecs.send(
    new ListAttributesCommand({ targetType: 'container-instance', attributeName: 'stack' }),
  );
  expect(listed.attributes).toEqual([
    { name: 'stack', value: 'blue', targetType: 'container-instance', targetId: arn },
  ]);
  const filtered = await ecs.send(new ListContainerInstancesCommand({ filter: 'attribute:stack == blue' }));
  expect(filtered.containerInstanceArns).toEqual([arn]);
  const described = await ecs.send(
    new DescribeContainerInstancesCommand({ containerInstances: [arn ?? ''] }),
  );
  const cpu = described.containerInstances?.[0]?.registeredResources?.find(
    (r) => r.name === 'CPU',
  )?.integerValue;
  expect(cpu).toBeGreaterThanOrEqual(1024);
});
