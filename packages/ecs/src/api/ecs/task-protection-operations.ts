import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';

export const taskProtectionOperations = ({
  taskProtection,
}: ControlPlaneServices): Record<string, Operation> => ({
  UpdateTaskProtection: (ctx, input) => taskProtection.update(ctx.partition, input),
  GetTaskProtection: (ctx, input) => taskProtection.get(ctx.partition, input),
});
