/** A ListenerRecord (with its default rule's actions) as ELBv2's Listener wire shape. */
import type { Listener } from '@berth/wire/elbv2';

import type { ListenerRecord } from '../../records/listener-record.js';
import type { RuleRecord } from '../../records/rule-record.js';
import { actionView } from '../rules/rule-view.js';

export const listenerView = (listener: ListenerRecord, defaultRule: RuleRecord | undefined): Listener => ({
  ListenerArn: listener.arn,
  LoadBalancerArn: listener.loadBalancerArn,
  Port: listener.port,
  Protocol: listener.protocol,
  ...(listener.certificates.length > 0
    ? { Certificates: listener.certificates.map((c) => ({ CertificateArn: c.certificateArn })) }
    : {}),
  ...(listener.sslPolicy !== null ? { SslPolicy: listener.sslPolicy } : {}),
  DefaultActions: (defaultRule?.actions ?? []).map(actionView),
  ...(listener.alpnPolicy.length > 0 ? { AlpnPolicy: [...listener.alpnPolicy] } : {}),
});
