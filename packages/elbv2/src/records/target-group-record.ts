/** What Berth keeps of one target group, with its health-check settings and attributes. */

export interface HealthCheckSettings {
  readonly protocol: 'HTTP' | 'HTTPS';
  /** 'traffic-port' or a port number as a string. */
  readonly port: string;
  readonly enabled: boolean;
  readonly path: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThresholdCount: number;
  readonly unhealthyThresholdCount: number;
  /** e.g. "200", "200-299", "200,202". */
  readonly matcher: string;
}

export interface TargetGroupRecord {
  readonly arn: string;
  /** The 16-hex-digit id at the end of the ARN. */
  readonly id: string;
  readonly name: string;
  readonly partitionKey: string;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly protocolVersion: 'HTTP1';
  readonly port: number;
  readonly vpcId: string;
  readonly targetType: 'instance' | 'ip';
  readonly ipAddressType: 'ipv4';
  readonly healthCheck: HealthCheckSettings;
  /** Every attribute with its value (defaults included). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Epoch ms. */
  readonly createdAt: number;
}
