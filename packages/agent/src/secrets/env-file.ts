/**
 * Container `environmentFiles` (ECS: `{type: "s3", value: <S3 object ARN>}`). Berth has no S3, so
 * the agent reads a `file:///absolute/path.env` value from its own host (the file must exist on
 * every host that may run the task); an S3 ARN fails the task and says so.
 *
 * The format is Docker's env-file, as ECS reads it: one `VARIABLE=VALUE` per line, split at the
 * first `=`; the value is kept verbatim (no quotes, no escapes, no expansion); blank lines and
 * lines starting with `#` are ignored, as are lines without `=`; a `\r` ending a line is dropped.
 * Within one file a later line wins; across files the first file that sets a variable wins (files
 * are processed from the top down), and the definition's `environment` wins over every file.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

import { envFileError } from './secret-errors.js';

export const parseEnvFile = (text: string): Map<string, string> => {
  const vars = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    vars.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
  }
  return vars;
};

/** The host path an environment file's `value` names; throws the task's failure otherwise. */
export const envFilePath = (value: string): string => {
  if (value.startsWith('arn:') && value.split(':')[2] === 's3')
    throw envFileError(
      `${value}: Berth has no S3; give the environment file as a file:///absolute/path.env value, read by the agent on its host`,
    );
  if (value.startsWith('file://')) {
    let path: string | undefined;
    try {
      path = fileURLToPath(value);
    } catch {
      path = undefined;
    }
    if (path !== undefined && isAbsolute(path)) return path;
  }
  throw envFileError(
    `unsupported environment file ${value}: Berth reads file:///absolute/path.env values on the agent's host`,
  );
};

/**
 * The variables of a container's files (first file wins), without those `environment` sets.
 * `read` returns a file's text.
 */
export const environmentFileVariables = async (
  files: readonly { readonly value?: string }[],
  environmentNames: ReadonlySet<string>,
  read: (path: string) => Promise<string>,
): Promise<Map<string, string>> => {
  const paths = files.map((f) => ({ value: f.value ?? '', path: envFilePath(f.value ?? '') }));
  const texts = await Promise.all(
    paths.map(({ value, path }) =>
      read(path).catch((error: unknown) => {
        throw envFileError(
          `unable to read ${value}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }),
    ),
  );
  const merged = new Map<string, string>();
  for (const text of texts)
    for (const [name, value] of parseEnvFile(text))
      if (!merged.has(name) && !environmentNames.has(name)) merged.set(name, value);
  return merged;
};
