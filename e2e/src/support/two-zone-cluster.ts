/**
 * The setup of the suites that need instances of their own: a server without an embedded agent,
 * a cluster, and two agents in zones us-east-1a and us-east-1b.
 */
import { startAgent, startServer, type AgentProcess, type BerthProcess } from './berth-process.js';
import { awsOk } from './clients.js';

export const startTwoZoneCluster = async (
  cluster: string,
  /** More arguments for the agent of each zone. */
  extraArgs: { readonly a?: readonly string[]; readonly b?: readonly string[] } = {},
): Promise<{ server: BerthProcess; a: AgentProcess; b: AgentProcess }> => {
  const server = await startServer({ agent: false });
  awsOk(server.env, ['ecs', 'create-cluster', '--cluster-name', cluster]);
  const agent = (zone: string, args: readonly string[] = []): Promise<AgentProcess> =>
    startAgent({ endpoint: server.endpoint, cluster, extraArgs: [...args, '--availability-zone', zone] });
  return { server, a: await agent('us-east-1a', extraArgs.a), b: await agent('us-east-1b', extraArgs.b) };
};
