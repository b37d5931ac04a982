import type { TaskStatsSample } from '@berth/wire/agent';

/**
 * The agents' recent task samples, in memory only (never the state store): lost on a restart or
 * on a leader change, which costs at most the minutes being folded, as a lost agent would.
 */
export class TaskSampleBuffer {
  private readonly byTask = new Map<string, TaskStatsSample[]>();

  add(sample: TaskStatsSample): void {
    const samples = this.byTask.get(sample.taskArn);
    if (samples) samples.push(sample);
    else this.byTask.set(sample.taskArn, [sample]);
  }

  /** Task ARN → its samples taken in [fromMs, toMs). */
  samplesIn(fromMs: number, toMs: number): Map<string, TaskStatsSample[]> {
    const found = new Map<string, TaskStatsSample[]>();
    for (const [arn, samples] of this.byTask) {
      const inRange = samples.filter((s) => s.timestamp >= fromMs && s.timestamp < toMs);
      if (inRange.length > 0) found.set(arn, inRange);
    }
    return found;
  }

  /** Drops every sample taken before `ms`. */
  forgetBefore(ms: number): void {
    for (const [arn, samples] of this.byTask) {
      const kept = samples.filter((s) => s.timestamp >= ms);
      if (kept.length > 0) this.byTask.set(arn, kept);
      else this.byTask.delete(arn);
    }
  }
}
