/** Listener handlers: Create/Describe/Modify/Delete Listener(s). */
import type { Operation } from '@berth/gateway';
import type {
  CreateListenerInput,
  CreateListenerOutput,
  DeleteListenerInput,
  DescribeListenersInput,
  DescribeListenersOutput,
  ModifyListenerInput,
  ModifyListenerOutput,
} from '@berth/wire/elbv2';

import type { Elbv2Services } from './elbv2-services.js';
import { as, marker } from './input.js';

export const listenerOperations = ({ listeners }: Elbv2Services): Record<string, Operation> => ({
  CreateListener: (ctx, input): CreateListenerOutput => ({
    Listeners: [listeners.create(ctx.partition, as<CreateListenerInput>(input))],
  }),
  DescribeListeners: (ctx, input): DescribeListenersOutput => {
    const page = listeners.describe(ctx.partition, as<DescribeListenersInput>(input));
    return { Listeners: page.items, ...marker(page) };
  },
  ModifyListener: (ctx, input): ModifyListenerOutput => ({
    Listeners: [listeners.modify(ctx.partition, as<ModifyListenerInput>(input))],
  }),
  DeleteListener: (ctx, input) => {
    listeners.delete(ctx.partition, as<DeleteListenerInput>(input).ListenerArn);
    return {};
  },
});
