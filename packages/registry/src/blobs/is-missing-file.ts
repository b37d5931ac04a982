/** Whether a node:fs error says the file (or a directory on its path) does not exist. */
export const isMissingFile = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
