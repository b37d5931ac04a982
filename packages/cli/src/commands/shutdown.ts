/** Runs `close` once on SIGINT or SIGTERM, then exits; a second signal exits at once. */
export const onShutdown = (close: () => Promise<void>): void => {
  let closing = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(130);
    closing = true;
    process.stderr.write(`berth: ${signal}, shutting down\n`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`berth: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
};
