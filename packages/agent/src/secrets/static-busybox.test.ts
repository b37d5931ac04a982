import { describe, expect, it } from 'vitest';

import { checkStaticBusybox } from './static-busybox.js';

describe('checkStaticBusybox', () => {
  it('accepts the host’s busybox-static', async () => {
    await expect(checkStaticBusybox('/bin/busybox')).resolves.toBeUndefined();
  });

  it('refuses a missing file and a dynamically linked binary, naming busybox-static', async () => {
    await expect(checkStaticBusybox('/nonexistent/busybox')).rejects.toThrow(
      "secrets and environment files are injected through a static busybox at /nonexistent/busybox, which this host lacks: install Debian's busybox-static",
    );
    await expect(checkStaticBusybox(process.execPath)).rejects.toThrow(
      /is dynamically linked .* busybox-static/,
    );
    await expect(checkStaticBusybox('/etc/hostname')).rejects.toThrow(/which this host lacks/);
  });
});
