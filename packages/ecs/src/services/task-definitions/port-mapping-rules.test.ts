import type { PortMapping } from '@berth/wire/ecs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { build, ec2Request, expectClientException, fargateRequest } from './fixtures.test-support.js';

const ports = (...portMappings: PortMapping[]) => ({ portMappings });

describe('port mappings', () => {
  it('containerPort is 1–65535', () => {
    for (const containerPort of [0, 65_536, -1, 80.5]) {
      expectClientException(
        ec2Request(ports({ containerPort })),
        "Invalid 'containerPort' setting for container 'web'.",
      );
    }
    expectClientException(
      ec2Request(ports({ hostPort: 80 })),
      "Invalid 'containerPort' setting for container 'web'.",
    );
  });

  it('hostPort is 0–65535', () => {
    expectClientException(
      ec2Request(ports({ containerPort: 80, hostPort: 70_000 })),
      "Invalid 'hostPort' setting for container 'web'.",
    );
    expect(
      build(ec2Request(ports({ containerPort: 80, hostPort: 8080 }))).containerDefinitions?.[0]?.portMappings,
    ).toEqual([{ containerPort: 80, hostPort: 8080, protocol: 'tcp' }]);
  });

  it('in awsvpc and host mode, the host port is omitted or equal to the container port', () => {
    expectClientException(
      fargateRequest(ports({ containerPort: 80, hostPort: 8080 })),
      'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
    );
    expectClientException(
      ec2Request(ports({ containerPort: 80, hostPort: 8080 }), { networkMode: 'host' }),
      'When networkMode=host, the host ports and container ports in port mappings must match.',
    );
    expect(() => build(fargateRequest(ports({ containerPort: 80, hostPort: 80 })))).not.toThrow();
  });

  it('none mode allows no port mappings', () => {
    expectClientException(
      ec2Request(ports({ containerPort: 80 }), { networkMode: 'none' }),
      'Port mappings are not supported when networkMode=none.',
    );
    expect(() => build(ec2Request({}, { networkMode: 'none' }))).not.toThrow();
  });

  it('protocol is tcp or udp (default tcp)', () => {
    expectClientException(
      ec2Request(ports({ containerPort: 80, protocol: 'sctp' as never })),
      "1 validation error detected: Value 'sctp' at 'containerDefinitions.1.member.portMappings.1.member.protocol' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [tcp, udp]',
    );
  });

  it('appProtocol is http, http2 or grpc', () => {
    expectClientException(
      ec2Request(ports({ containerPort: 80, appProtocol: 'ws' as never })),
      "1 validation error detected: Value 'ws' at 'containerDefinitions.1.member.portMappings.1.member.appProtocol' " +
        'failed to satisfy constraint: Member must satisfy enum value set: [http, http2, grpc]',
    );
    const mapping = build(fargateRequest(ports({ containerPort: 80, name: 'web-80', appProtocol: 'http' })))
      .containerDefinitions?.[0]?.portMappings?.[0];
    expect(mapping).toEqual({
      containerPort: 80,
      hostPort: 80,
      protocol: 'tcp',
      name: 'web-80',
      appProtocol: 'http',
    });
  });

  it('containerPortRange: first < last within 1–65535, bridge or awsvpc, without containerPort/hostPort', () => {
    const invalid = "Invalid 'containerPortRange' setting for container 'web'.";
    for (const containerPortRange of ['9000', '9010-9000', '0-10', '1-65536', 'a-b']) {
      expectClientException(ec2Request(ports({ containerPortRange })), invalid);
    }
    expectClientException(
      ec2Request(ports({ containerPortRange: '9000-9010', containerPort: 9000 })),
      invalid,
    );
    expectClientException(
      ec2Request(ports({ containerPortRange: '9000-9010' }), { networkMode: 'host' }),
      invalid,
    );
    expect(
      build(fargateRequest(ports({ containerPortRange: '9000-9010' }))).containerDefinitions?.[0]
        ?.portMappings,
    ).toEqual([{ protocol: 'tcp', containerPortRange: '9000-9010' }]);
  });

  it('a static host port is mapped once per protocol in the task', () => {
    expectClientException(
      ec2Request(ports({ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080 })),
      'Host port 8080/tcp is used by more than one port mapping.',
    );
    expectClientException(
      fargateRequest(ports({ containerPort: 80 }, { containerPort: 80, protocol: 'tcp' })),
      'Host port 80/tcp is used by more than one port mapping.',
    );
    expect(() => build(ec2Request(ports({ containerPort: 80 }, { containerPort: 80 })))).not.toThrow();
    expect(() =>
      build(fargateRequest(ports({ containerPort: 53 }, { containerPort: 53, protocol: 'udp' }))),
    ).not.toThrow();
  });

  it('awsvpc mappings always come back with hostPort = containerPort (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 65_535 }), { minLength: 1, maxLength: 10 }),
        (list) => {
          const mappings = build(fargateRequest(ports(...list.map((containerPort) => ({ containerPort })))))
            .containerDefinitions?.[0]?.portMappings;
          expect(mappings).toEqual(list.map((p) => ({ containerPort: p, hostPort: p, protocol: 'tcp' })));
        },
      ),
      { numRuns: 50 },
    );
  });
});
