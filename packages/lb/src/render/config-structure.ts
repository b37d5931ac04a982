/**
 * The structure of a rendered configuration: everything but its `server` lines. Servers are target
 * churn, applied through the runtime API; anything else changing needs a reload. Pure.
 */
const SERVER_LINE = /^\s+server\s/;

export const configStructure = (configText: string): string =>
  configText
    .split('\n')
    .filter((line) => !SERVER_LINE.test(line))
    .join('\n');
