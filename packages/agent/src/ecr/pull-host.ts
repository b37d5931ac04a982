/**
 * Where Docker on this host pulls registry images from (pure). The registry listens beside the
 * control plane on the port proxyEndpoint names. When the agent reaches the control plane on a
 * loopback address, so does Docker: it pulls from proxyEndpoint's host as advertised. Otherwise
 * Docker could reach the registry only as an insecure non-loopback registry (daemon config), so the
 * agent forwards a loopback port of its own to `<control-plane hostname>:<registry port>` and Docker
 * pulls from `127.0.0.1:<that port>` (Docker trusts 127.0.0.0/8 without config).
 */
export type PullHost =
  | { readonly kind: 'direct'; readonly host: string }
  | { readonly kind: 'forward'; readonly hostname: string; readonly port: number };

/** The port Berth's registry listens on unless the control plane says otherwise (`--registry-port`). */
export const DEFAULT_REGISTRY_PORT = 7471;

/**
 * `localhost`, 127.0.0.0/8, `::1` (as URL.hostname spells them), and the unspecified addresses
 * (`0.0.0.0`, `::`), which connect to this host too (an embedded agent of `berth server --host 0.0.0.0`).
 */
export const isLoopbackHostname = (hostname: string): boolean => {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(h) ||
    h === '::1' ||
    h === '0.0.0.0' ||
    h === '::'
  );
};

const portOf = (url: URL): number =>
  url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;

/** The registry's `host[:port]` as image references spell it (proxyEndpoint without its scheme). */
export const registryHostOf = (proxyEndpoint: string): string => new URL(proxyEndpoint).host;

/** `endpoint`: the control plane's URL; `proxyEndpoint`: GetAuthorizationToken's. */
export const decidePullHost = (endpoint: string, proxyEndpoint: string): PullHost => {
  const control = new URL(endpoint);
  const registry = new URL(proxyEndpoint);
  if (isLoopbackHostname(control.hostname)) return { kind: 'direct', host: registry.host };
  return { kind: 'forward', hostname: control.hostname.replace(/^\[(.*)\]$/, '$1'), port: portOf(registry) };
};

/** What proxyEndpoint would be when the control plane cannot say (no ECR API): its default port. */
export const fallbackProxyEndpoint = (endpoint: string): string => {
  const control = new URL(endpoint);
  return `http://${control.hostname}:${DEFAULT_REGISTRY_PORT}`;
};
