import { StringDecoder } from 'node:string_decoder';

import type Dockerode from 'dockerode';

import { DockerFrameDecoder, LineSplitter } from '../../logs/docker-log-frames.js';
import type { ReadLogsOptions, RuntimeLogLine } from '../container-runtime.js';
import { dockerCall } from './docker-call.js';

async function* timestampedLines(
  stream: AsyncIterable<Buffer> | Iterable<Buffer>,
  tty: boolean,
  signal: AbortSignal,
): AsyncGenerator<RuntimeLogLine> {
  const frames = new DockerFrameDecoder();
  const text = new StringDecoder('utf8');
  const lines = new LineSplitter();
  try {
    for await (const chunk of stream) {
      if (tty)
        for (const line of lines.push(text.write(chunk))) yield { stream: 'stdout', timestamped: line };
      else
        for (const frame of frames.push(chunk))
          yield { stream: frame.stream, timestamped: frame.payload.toString('utf8') };
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
  if (tty) for (const line of lines.flush()) yield { stream: 'stdout', timestamped: line };
}

/**
 * GET /containers/{id}/logs?stdout&stderr&timestamps[&follow], demultiplexed (TTY containers send
 * one raw stream). Connecting is bounded by `logsConnect`; a followed stream then lasts as the
 * container.
 */
export const readDockerLogs = async (
  docker: Dockerode,
  id: string,
  options: ReadLogsOptions,
): Promise<AsyncIterable<RuntimeLogLine>> => {
  const container = docker.getContainer(id);
  const info = await dockerCall({ op: 'inspect', errorName: 'CannotInspectContainerError' }, (abortSignal) =>
    container.inspect({ abortSignal }),
  );
  const query = {
    stdout: true,
    stderr: true,
    timestamps: true,
    ...(options.since === undefined ? {} : { since: options.since }),
  };
  // Followed, Docker's client hands back a stream; otherwise the whole log as one buffer.
  type Chunks = AsyncIterable<Buffer> | Iterable<Buffer>;
  const chunks = await dockerCall<Chunks>(
    { op: 'logsConnect', errorName: 'CannotInspectContainerError' },
    (connect) => {
      const abortSignal = AbortSignal.any([connect, options.signal]);
      return options.follow
        ? container
            .logs({ ...query, follow: true, abortSignal })
            .then((s): Chunks => s as AsyncIterable<Buffer>)
        : container.logs({ ...query, follow: false, abortSignal }).then((buffer): Chunks => [buffer]);
    },
  );
  return timestampedLines(chunks, info.Config.Tty, options.signal);
};
