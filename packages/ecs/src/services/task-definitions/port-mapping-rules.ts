/**
 * Port mapping checks for one container: port ranges, protocols, the awsvpc/host rule that host
 * and container ports match, and no mappings at all in `none` mode.
 */
import { clientException } from '@berth/core';
import type { ContainerDefinition, NetworkMode, PortMapping } from '@berth/wire/ecs';

import { checkEnum, invalidContainerSetting, isInt, listOf } from './validation-helpers.js';

const PORT_RANGE = /^(\d{1,5})-(\d{1,5})$/;

const isPort = (value: unknown, min: number): value is number =>
  isInt(value) && value >= min && value <= 65_535;

const validRange = (text: unknown): boolean => {
  const match = typeof text === 'string' ? PORT_RANGE.exec(text) : null;
  if (!match) return false;
  const first = Number(match[1]);
  const last = Number(match[2]);
  return first >= 1 && first < last && last <= 65_535;
};

const checkRangeMapping = (mapping: PortMapping, name: string, mode: NetworkMode): void => {
  const allowed = mode === 'bridge' || mode === 'awsvpc';
  if (!allowed || mapping.containerPort !== undefined || mapping.hostPort !== undefined) {
    throw invalidContainerSetting('containerPortRange', name);
  }
  if (!validRange(mapping.containerPortRange)) throw invalidContainerSetting('containerPortRange', name);
};

const checkMapping = (mapping: PortMapping, name: string, mode: NetworkMode, path: string): void => {
  if (typeof mapping !== 'object' || mapping === null) throw invalidContainerSetting('portMappings', name);
  checkEnum(`${path}.protocol`, mapping.protocol, ['tcp', 'udp']);
  checkEnum(`${path}.appProtocol`, mapping.appProtocol, ['http', 'http2', 'grpc']);
  if (mapping.containerPortRange !== undefined) {
    checkRangeMapping(mapping, name, mode);
    return;
  }
  if (!isPort(mapping.containerPort, 1)) throw invalidContainerSetting('containerPort', name);
  if (mapping.hostPort === undefined) return;
  if (!isPort(mapping.hostPort, 0)) throw invalidContainerSetting('hostPort', name);
  if (
    (mode === 'awsvpc' || mode === 'host') &&
    mapping.hostPort !== 0 &&
    mapping.hostPort !== mapping.containerPort
  ) {
    throw clientException(
      `When networkMode=${mode}, the host ports and container ports in port mappings must match.`,
    );
  }
};

/** `containerPath` is the model path of the container, e.g. `containerDefinitions.1.member`. */
export const validatePortMappings = (
  container: ContainerDefinition,
  name: string,
  mode: NetworkMode,
  containerPath: string,
): void => {
  const mappings = listOf(container.portMappings, () => invalidContainerSetting('portMappings', name));
  if (mappings.length > 0 && mode === 'none') {
    throw clientException('Port mappings are not supported when networkMode=none.');
  }
  mappings.forEach((m, i) => checkMapping(m, name, mode, `${containerPath}.portMappings.${i + 1}.member`));
};

/**
 * The host port a mapping reserves on its own (0 = dynamic or none): in awsvpc and host mode the
 * container port itself, in bridge mode the static hostPort.
 */
export const staticHostPort = (mapping: PortMapping, mode: NetworkMode): number => {
  if (mapping.containerPortRange !== undefined) return 0;
  if (mode === 'awsvpc' || mode === 'host') return mapping.hostPort || mapping.containerPort || 0;
  return mapping.hostPort ?? 0;
};
