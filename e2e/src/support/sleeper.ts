/** A container that idles until SIGTERM and then exits 0: the e2e suites' do-nothing task. */
export const SLEEPER_COMMAND = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'];

/** Container definitions (JSON, as the CLI takes them) of one idle busybox container named `app`. */
export const sleeperDefinitions = (memory = 32): string =>
  JSON.stringify([{ name: 'app', image: 'berth-test/busybox:latest', memory, command: SLEEPER_COMMAND }]);
