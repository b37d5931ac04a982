/**
 * Task-level cpu and memory arrive as strings: CPU units ("256") or vCPU ("1 vCPU", "0.25 vcpu"),
 * memory in MiB ("512") or GB ("2 GB", "0.5GB"). ECS stores and returns the normalized units.
 */
const CPU_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i;
const MEMORY_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i;

/** CPU units, or undefined when the text is not a CPU size. */
export const parseCpuUnits = (text: string): number | undefined => {
  const match = CPU_PATTERN.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const units = match[2] ? value * 1024 : value;
  return Number.isInteger(units) ? units : undefined;
};

/** Memory in MiB, or undefined when the text is not a memory size. */
export const parseMemoryMiB = (text: string): number | undefined => {
  const match = MEMORY_PATTERN.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const mib = match[2] ? value * 1024 : value;
  return Number.isInteger(mib) ? mib : undefined;
};

const range = (from: number, to: number, step: number): number[] => {
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  return values;
};

/** Valid Fargate (cpu units → memory MiB) pairs, platform 1.4.0. */
export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

export const isValidFargateSize = (cpu: number, memory: number): boolean =>
  FARGATE_SIZES.get(cpu)?.includes(memory) ?? false;
