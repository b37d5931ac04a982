/** ECS deployment ids: `ecs-svc/` and 19 digits, minted from a hex id source. */
export const deploymentIdFrom = (hex: string): string => {
  const digits = BigInt(`0x${hex}`).toString().padStart(19, '0').slice(-19);
  return `ecs-svc/${digits.startsWith('0') ? `1${digits.slice(1)}` : digits}`;
};
