export { runStatsLoop, type StatsLoopOptions } from './stats-loop.js';
export { runningTasks, type RunningTask } from './running-tasks.js';
export { STATS_DEFAULTS, statsIntervalMs, type StatsConfig } from './stats-config.js';
export { TaskStatsSampler } from './task-stats-sampler.js';
