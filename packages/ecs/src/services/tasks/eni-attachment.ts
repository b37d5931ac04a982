/**
 * The "ENI" of an awsvpc task. The control plane creates the attachment when it places the task
 * (PRECREATED, with the subnet of the task's network configuration); the agent that runs the task
 * picks its address from the agent's own address block and reports it, and only then does the
 * attachment carry `privateIPv4Address` and the details derived from it, as on ECS once the ENI is
 * attached.
 */
import type { Attachment, Container, KeyValuePair, NetworkConfiguration } from '@berth/wire/ecs';

export const ENI_ATTACHMENT_TYPE = 'ElasticNetworkInterface';

export const eniAttachment = (id: string, network: NetworkConfiguration | undefined): Attachment => ({
  id,
  type: ENI_ATTACHMENT_TYPE,
  status: 'PRECREATED',
  details: [
    { name: 'subnetId', value: network?.awsvpcConfiguration?.subnets[0] ?? 'subnet-berth' },
    { name: 'networkInterfaceId', value: `eni-${id.replace(/-/g, '').slice(0, 17)}` },
  ],
});

const addressDetails = (address: string): KeyValuePair[] => {
  const octets = address.split('.').map(Number);
  const mac = ['02', '42', ...octets.map((o) => o.toString(16).padStart(2, '0'))].join(':');
  return [
    { name: 'macAddress', value: mac },
    { name: 'privateDnsName', value: `ip-${address.replace(/\./g, '-')}.berth.internal` },
    { name: 'privateIPv4Address', value: address },
  ];
};

/** The task's ENI attachment and containers once the agent has reported the task's address. */
export const withAddress = (
  attachments: readonly Attachment[],
  containers: readonly Container[],
  address: string,
): { attachments: Attachment[]; containers: Container[] } => {
  const eni = attachments.find((a) => a.type === ENI_ATTACHMENT_TYPE);
  if (!eni) return { attachments: [...attachments], containers: [...containers] };
  return {
    attachments: attachments.map((a) =>
      a === eni
        ? {
            ...a,
            details: [
              ...(a.details ?? []).filter((d) => d.name !== 'privateIPv4Address'),
              ...addressDetails(address),
            ],
          }
        : a,
    ),
    containers: containers.map((c) => ({
      ...c,
      networkInterfaces: [{ attachmentId: eni.id ?? '', privateIpv4Address: address }],
    })),
  };
};
