/**
 * The Fargate prices (USD) usage reports are estimated with. The defaults are the published
 * us-east-1 Linux/x86 rates; `berth server` lets an operator set their own.
 */
export interface FargatePrices {
  /** Per vCPU-hour. */
  readonly vcpuHour: number;
  /** Per GB-hour of task memory. */
  readonly gbHour: number;
  /** Per GB-hour of ephemeral storage above the 20 GB every task includes. */
  readonly storageGbHour: number;
}

export const DEFAULT_FARGATE_PRICES: FargatePrices = Object.freeze({
  vcpuHour: 0.04048,
  gbHour: 0.004445,
  storageGbHour: 0.000111,
});
