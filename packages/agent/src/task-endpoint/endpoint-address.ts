/**
 * The address the task endpoint listens on. ECS serves its task metadata and credentials endpoints
 * on 169.254.170.2; the agent puts that address on the host's `lo` (bridge and awsvpc containers
 * reach it through their default route, host-mode containers directly) and leaves it there when it
 * stops, as ECS leaves its iptables rules: other agents on the host listen on it too (each on its
 * own port). When the address cannot be added (not root, no `ip`), the endpoint falls back to
 * Docker's bridge gateway, which containers reach as well; SDKs then refuse the credentials URI over
 * plain HTTP unless configured to allow it, which the warning says.
 */
import { execFile } from 'node:child_process';
import { networkInterfaces } from 'node:os';

export const ECS_ENDPOINT_ADDRESS = '169.254.170.2';
const IP_TIMEOUT_MS = 5_000;

type Log = (message: string, fields?: Record<string, unknown>) => void;

export interface AddressDeps {
  /** Runs `ip` with these arguments; rejects with its stderr on failure. */
  readonly ip?: (args: readonly string[]) => Promise<void>;
  /** The host's addresses now (default: os.networkInterfaces()). */
  readonly hostAddresses?: () => readonly string[];
  /** Docker's default bridge gateway, the fallback. */
  readonly bridgeGateway: () => Promise<string | undefined>;
  readonly log: Log;
}

const runIp = (args: readonly string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile('ip', [...args], { timeout: IP_TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (error) reject(new Error(String(stderr).trim() || error.message));
      else resolve();
    });
  });

const currentAddresses = (): string[] =>
  Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));

/** `ip` says so when another agent added the address first. */
const alreadyThere = (error: unknown): boolean => /File exists|already assigned/i.test(String(error));

/**
 * Makes `address` listenable on this host and returns it; or, when it is not a host address and
 * cannot be added, returns the bridge gateway (or `address` itself when Docker has none).
 */
export const prepareEndpointAddress = async (address: string, deps: AddressDeps): Promise<string> => {
  const present = (deps.hostAddresses ?? currentAddresses)();
  if (present.includes(address)) return address;
  if (address !== ECS_ENDPOINT_ADDRESS) return address;
  try {
    await (deps.ip ?? runIp)(['addr', 'add', `${address}/32`, 'dev', 'lo']);
    deps.log('task endpoint address added to lo (it stays: other agents on this host use it too)', {
      address,
    });
    return address;
  } catch (error) {
    if (alreadyThere(error)) return address;
    const gateway = await deps.bridgeGateway().catch(() => undefined);
    deps.log(
      `could not add ${address} to lo (the agent needs root for it); the task metadata endpoint falls back to ` +
        "Docker's bridge gateway. The AWS SDKs accept AWS_CONTAINER_CREDENTIALS_FULL_URI over plain HTTP " +
        'only for loopback hosts and 169.254.170.2/169.254.170.23, so task-role credentials need an SDK ' +
        'that allows this host (or run the agent as root)',
      { error: String(error), fallback: gateway ?? address },
    );
    return gateway ?? address;
  }
};
