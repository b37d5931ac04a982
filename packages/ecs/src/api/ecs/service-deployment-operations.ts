import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';

export const serviceDeploymentOperations = ({
  serviceDeployments,
}: ControlPlaneServices): Record<string, Operation> => ({
  StopServiceDeployment: (ctx, input) => serviceDeployments.stop(ctx.partition, input),
  ContinueServiceDeployment: (ctx, input) => serviceDeployments.continue(ctx.partition, input),
});
