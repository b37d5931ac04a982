/** A TargetGroupRecord as ELBv2's TargetGroup wire shape. */
import type { TargetGroup } from '@berth/wire/elbv2';

import type { TargetGroupRecord } from '../../records/target-group-record.js';

export const targetGroupView = (tg: TargetGroupRecord, loadBalancerArns: readonly string[]): TargetGroup => ({
  TargetGroupArn: tg.arn,
  TargetGroupName: tg.name,
  Protocol: tg.protocol,
  Port: tg.port,
  VpcId: tg.vpcId,
  HealthCheckProtocol: tg.healthCheck.protocol,
  HealthCheckPort: tg.healthCheck.port,
  HealthCheckEnabled: tg.healthCheck.enabled,
  HealthCheckIntervalSeconds: tg.healthCheck.intervalSeconds,
  HealthCheckTimeoutSeconds: tg.healthCheck.timeoutSeconds,
  HealthyThresholdCount: tg.healthCheck.healthyThresholdCount,
  UnhealthyThresholdCount: tg.healthCheck.unhealthyThresholdCount,
  HealthCheckPath: tg.healthCheck.path,
  Matcher: { HttpCode: tg.healthCheck.matcher },
  LoadBalancerArns: [...loadBalancerArns],
  TargetType: tg.targetType,
  ProtocolVersion: tg.protocolVersion,
  IpAddressType: tg.ipAddressType,
});
