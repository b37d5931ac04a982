/**
 * One iteration of the mixed ECS API workload: 9 calls, 4 writes and 5 reads, each result
 * checked (a wrong answer counts as an error, so a server cannot win by answering less).
 * Clusters are deleted at the end of the iteration so ListClusters stays small on both
 * systems (moto does not paginate it), and each iteration uses its own task-definition
 * family so list results have the same size everywhere.
 */
import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClustersCommand,
  DescribeTaskDefinitionCommand,
  ListClustersCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';

export const OPERATIONS = [
  'CreateCluster',
  'TagResource',
  'ListTagsForResource',
  'DescribeClusters',
  'ListClusters',
  'RegisterTaskDefinition',
  'DescribeTaskDefinition',
  'ListTaskDefinitions',
  'DeleteCluster',
] as const;

export type Operation = (typeof OPERATIONS)[number];

export interface Recorder {
  sample(op: Operation, ms: number): void;
  error(op: Operation, message: string): void;
}

const check = (condition: boolean, what: string): void => {
  if (!condition) throw new Error(`wrong result: ${what}`);
};

/** Runs one iteration; the first failing call is recorded and ends the iteration. */
export const runIteration = async (client: ECSClient, name: string, recorder: Recorder): Promise<void> => {
  let current: Operation = 'CreateCluster';
  const timed = async <T>(op: Operation, call: () => Promise<T>): Promise<T> => {
    current = op;
    const start = performance.now();
    const result = await call();
    recorder.sample(op, performance.now() - start);
    return result;
  };
  const clusterName = `${name}-c`;
  const family = `${name}-td`;
  try {
    const created = await timed('CreateCluster', () =>
      client.send(new CreateClusterCommand({ clusterName })),
    );
    const clusterArn = created.cluster?.clusterArn ?? '';
    check(clusterArn.endsWith(`/${clusterName}`), 'CreateCluster returned no cluster ARN');
    const tags = [{ key: 'bench', value: name }];
    await timed('TagResource', () => client.send(new TagResourceCommand({ resourceArn: clusterArn, tags })));
    const listedTags = await timed('ListTagsForResource', () =>
      client.send(new ListTagsForResourceCommand({ resourceArn: clusterArn })),
    );
    check(listedTags.tags?.some((t) => t.key === 'bench' && t.value === name) === true, 'tag missing');
    const described = await timed('DescribeClusters', () =>
      client.send(new DescribeClustersCommand({ clusters: [clusterName] })),
    );
    check(described.clusters?.[0]?.status === 'ACTIVE', 'cluster not ACTIVE');
    const listed = await timed('ListClusters', () => client.send(new ListClustersCommand({})));
    check(listed.clusterArns?.includes(clusterArn) === true, 'cluster not listed');
    const registered = await timed('RegisterTaskDefinition', () =>
      client.send(
        new RegisterTaskDefinitionCommand({
          family,
          networkMode: 'bridge',
          containerDefinitions: [
            {
              name: 'web',
              image: 'berth-test/busybox:latest',
              memory: 64,
              essential: true,
              portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
              environment: [{ name: 'ITERATION', value: name }],
            },
          ],
        }),
      ),
    );
    const taskDefinitionArn = registered.taskDefinition?.taskDefinitionArn ?? '';
    check(taskDefinitionArn.endsWith(`/${family}:1`), 'RegisterTaskDefinition returned no revision 1');
    const describedTd = await timed('DescribeTaskDefinition', () =>
      client.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:1` })),
    );
    check(describedTd.taskDefinition?.containerDefinitions?.[0]?.name === 'web', 'task definition differs');
    const listedTds = await timed('ListTaskDefinitions', () =>
      client.send(new ListTaskDefinitionsCommand({ familyPrefix: family })),
    );
    check(listedTds.taskDefinitionArns?.length === 1, 'ListTaskDefinitions did not list exactly the one');
    await timed('DeleteCluster', () => client.send(new DeleteClusterCommand({ cluster: clusterName })));
  } catch (error) {
    recorder.error(current, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
};
