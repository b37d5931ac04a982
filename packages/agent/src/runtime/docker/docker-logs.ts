import { StringDecoder } from 'node:string_decoder';

import type Dockerode from 'dockerode';

import { DockerFrameDecoder, LineSplitter } from '../../logs/docker-log-frames.js';
import type { FollowLogsOptions, RuntimeLogLine } from '../container-runtime.js';
import { dockerCall } from './docker-call.js';

async function* timestampedLines(
  stream: AsyncIterable<Buffer>,
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
 * GET /containers/{id}/logs?follow&stdout&stderr&timestamps, demultiplexed (TTY containers send
 * one raw stream). Connecting is bounded by `logsConnect`; the stream then lasts as the container.
 */
export const followDockerLogs = async (
  docker: Dockerode,
  id: string,
  options: FollowLogsOptions,
): Promise<AsyncIterable<RuntimeLogLine>> => {
  const container = docker.getContainer(id);
  const info = await dockerCall({ op: 'inspect', errorName: 'CannotInspectContainerError' }, (abortSignal) =>
    container.inspect({ abortSignal }),
  );
  const stream = await dockerCall(
    { op: 'logsConnect', errorName: 'CannotInspectContainerError' },
    (connect) =>
      container.logs({
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        ...(options.since === undefined ? {} : { since: options.since }),
        abortSignal: AbortSignal.any([connect, options.signal]),
      }),
  );
  return timestampedLines(stream as AsyncIterable<Buffer>, info.Config.Tty, options.signal);
};
