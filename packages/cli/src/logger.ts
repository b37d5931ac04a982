/** One log line per event on stderr: time, message, then fields as JSON. */
export type Log = (message: string, fields?: Record<string, unknown>) => void;

export const stderrLog =
  (component: string, quiet = false): Log =>
  (message, fields) => {
    if (quiet) return;
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${component}: ${message}${suffix}\n`);
  };
