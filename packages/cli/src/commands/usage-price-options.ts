/** `berth server` options for the Fargate prices usage reports are estimated with. */
import { InvalidArgumentError, type Command } from 'commander';

import { DEFAULT_FARGATE_PRICES, type FargatePrices } from '@berth/ecs';

export interface FargatePriceFlags {
  fargateVcpuHourPrice: number;
  fargateGbHourPrice: number;
  fargateStorageGbHourPrice: number;
}

const price = (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError('Not a non-negative price.');
  }
  return n;
};

export const addFargatePriceOptions = (command: Command): Command =>
  command
    .option(
      '--fargate-vcpu-hour-price <usd>',
      'Fargate price per vCPU-hour, for usage reports',
      price,
      DEFAULT_FARGATE_PRICES.vcpuHour,
    )
    .option(
      '--fargate-gb-hour-price <usd>',
      'Fargate price per GB-hour of memory, for usage reports',
      price,
      DEFAULT_FARGATE_PRICES.gbHour,
    )
    .option(
      '--fargate-storage-gb-hour-price <usd>',
      'Fargate price per GB-hour of ephemeral storage above 20 GB, for usage reports',
      price,
      DEFAULT_FARGATE_PRICES.storageGbHour,
    );

export const fargatePricesFrom = (flags: FargatePriceFlags): FargatePrices => ({
  vcpuHour: flags.fargateVcpuHourPrice,
  gbHour: flags.fargateGbHourPrice,
  storageGbHour: flags.fargateStorageGbHourPrice,
});
