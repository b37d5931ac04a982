/**
 * Docker's own documents, as Docker gives them, for what shows them to tasks unchanged (the task
 * metadata endpoint's `/stats` is Docker's stats JSON) or reads more of them than the runtime's
 * neutral types carry. Read-only; every call has a deadline.
 */
import type Dockerode from 'dockerode';

import { dockerCall } from './docker-call.js';

/** dockerode's typings omit the abort signal its network `inspect` takes. */
type NetworkInspectCall = (options: { abortSignal: AbortSignal }) => Promise<unknown>;

type StatsCall = (options: { stream: false; abortSignal: AbortSignal }) => Promise<unknown>;

const statusOf = (error: unknown): unknown => (error as { statusCode?: unknown } | null)?.statusCode;

const unlessMissing = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await work();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
};

export class DockerDocuments {
  constructor(private readonly docker: Dockerode) {}

  /** `GET /containers/{id}/json`; undefined when there is no such container. */
  inspect(id: string): Promise<unknown> {
    return dockerCall({ op: 'inspect', errorName: 'CannotInspectContainerError' }, (abortSignal) =>
      unlessMissing(() => this.docker.getContainer(id).inspect({ abortSignal })),
    );
  }

  /** `GET /containers/{id}/stats?stream=false` (two samples, so the CPU percentages work). */
  stats(id: string): Promise<unknown> {
    const container = this.docker.getContainer(id);
    const stats = container.stats.bind(container) as unknown as StatsCall;
    return dockerCall({ op: 'stats', errorName: 'CannotInspectContainerError' }, (abortSignal) =>
      unlessMissing(() => stats({ stream: false, abortSignal })),
    );
  }

  /** The gateway of Docker's default `bridge` network (what its containers route through). */
  async bridgeGateway(): Promise<string | undefined> {
    const bridge = this.docker.getNetwork('bridge');
    const inspect = bridge.inspect.bind(bridge) as unknown as NetworkInspectCall;
    const network = (await dockerCall(
      { op: 'inspect', errorName: 'CannotInspectContainerError' },
      (abortSignal) => unlessMissing(() => inspect({ abortSignal })),
    )) as { IPAM?: { Config?: readonly { Gateway?: unknown }[] } } | undefined;
    const gateway = network?.IPAM?.Config?.find((c) => typeof c.Gateway === 'string')?.Gateway;
    return typeof gateway === 'string' ? gateway : undefined;
  }
}
