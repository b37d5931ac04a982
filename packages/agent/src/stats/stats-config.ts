/** How the agent samples its tasks' resource use (the ECS agent's metrics collection). */
export interface StatsConfig {
  /** Seconds between two samples of every RUNNING task; default 20, as the ECS agent. */
  readonly intervalSeconds?: number;
}

export const STATS_DEFAULTS = { intervalSeconds: 20 } as const;

export const statsIntervalMs = (config: StatsConfig | undefined): number =>
  (config?.intervalSeconds ?? STATS_DEFAULTS.intervalSeconds) * 1000;
