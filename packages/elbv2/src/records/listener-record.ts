/** What Berth keeps of one listener. Its default actions live in its default rule. */

export interface ListenerCertificate {
  /** `arn:…` (an ACM/IAM ARN, echoed) or `file:///abs/path.pem` (a PEM the data plane serves). */
  readonly certificateArn: string;
  readonly isDefault: boolean;
}

export interface ListenerRecord {
  readonly arn: string;
  /** The 16-hex-digit id at the end of the ARN. */
  readonly id: string;
  readonly loadBalancerArn: string;
  readonly partitionKey: string;
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  /** HTTPS only; null for HTTP. */
  readonly sslPolicy: string | null;
  readonly certificates: readonly ListenerCertificate[];
  readonly alpnPolicy: readonly string[];
  /** The rule that holds the listener's DefaultActions. */
  readonly defaultRuleArn: string;
  /** Epoch ms. */
  readonly createdAt: number;
}
