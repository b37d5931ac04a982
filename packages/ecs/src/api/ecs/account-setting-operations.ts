import type { Operation } from '@berth/gateway';

import type { ControlPlaneServices } from './control-plane-services.js';

export const accountSettingOperations = ({
  accountSettings,
}: ControlPlaneServices): Record<string, Operation> => ({
  PutAccountSetting: (ctx, input) => ({
    setting: accountSettings.put(ctx.partition, ctx.principalArn, input),
  }),
  PutAccountSettingDefault: (ctx, input) => ({
    setting: accountSettings.putDefault(ctx.partition, input),
  }),
  DeleteAccountSetting: (ctx, input) => ({
    setting: accountSettings.delete(ctx.partition, ctx.principalArn, input),
  }),
  ListAccountSettings: (ctx, input) => {
    const page = accountSettings.list(ctx.partition, ctx.principalArn, input);
    return { settings: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },
});
