/** Profiles this process's own CPU (V8 sampling profiler over the inspector protocol). */
import { Session } from 'node:inspector/promises';

import type { CpuProfile } from './profile-summary.js';

export interface RunningProfiler {
  stop(): Promise<CpuProfile>;
}

export const startCpuProfiler = async (samplingIntervalUs = 1_000): Promise<RunningProfiler> => {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
      session.disconnect();
      return profile;
    },
  };
};
