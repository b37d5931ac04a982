import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEFAULT_PORT = 7470;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_DATA_DIR = join(homedir(), '.berth');
export const PULL_BEHAVIORS = ['default', 'always', 'once', 'prefer-cached'] as const;
