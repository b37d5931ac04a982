/** Rule handlers: Create/Describe/Modify/Delete Rule(s) and SetRulePriorities. */
import type { Operation } from '@berth/gateway';
import type {
  CreateRuleInput,
  CreateRuleOutput,
  DeleteRuleInput,
  DescribeRulesInput,
  DescribeRulesOutput,
  ModifyRuleInput,
  ModifyRuleOutput,
  SetRulePrioritiesInput,
  SetRulePrioritiesOutput,
} from '@berth/wire/elbv2';

import type { Elbv2Services } from './elbv2-services.js';
import { as, marker } from './input.js';

export const ruleOperations = ({ rules }: Elbv2Services): Record<string, Operation> => ({
  CreateRule: (ctx, input): CreateRuleOutput => ({
    Rules: [rules.create(ctx.partition, as<CreateRuleInput>(input))],
  }),
  DescribeRules: (ctx, input): DescribeRulesOutput => {
    const page = rules.describe(ctx.partition, as<DescribeRulesInput>(input));
    return { Rules: page.items, ...marker(page) };
  },
  ModifyRule: (ctx, input): ModifyRuleOutput => ({
    Rules: [rules.modify(ctx.partition, as<ModifyRuleInput>(input))],
  }),
  DeleteRule: (ctx, input) => {
    rules.delete(ctx.partition, as<DeleteRuleInput>(input).RuleArn);
    return {};
  },
  SetRulePriorities: (ctx, input): SetRulePrioritiesOutput => ({
    Rules: rules.setPriorities(ctx.partition, as<SetRulePrioritiesInput>(input).RulePriorities),
  }),
});
