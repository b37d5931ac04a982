/** ECS's agent-facing operations beyond task and container state changes. */
import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';

export const agentFacingOperations = ({
  agentEndpoints,
  attachmentStates,
}: ControlPlaneServices): Record<string, Operation> => ({
  UpdateContainerAgent: (ctx, input) => agentEndpoints.updateContainerAgent(ctx.partition, input),
  DiscoverPollEndpoint: (ctx, input) =>
    agentEndpoints.discoverPollEndpoint(ctx.partition, ctx.endpoint, input),
  SubmitAttachmentStateChanges: (ctx, input) => attachmentStates.submit(ctx.partition, input),
});
