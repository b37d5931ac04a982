/**
 * The model-guided walk the codecs share: a decoded body (or a handler's output) is followed
 * through the shapes of the protocol model, structure members absent or null are dropped, lists
 * and maps keep their null entries (sparse ones carry them), and each leaf — timestamp, blob or
 * scalar — is converted by the protocol's `WireLeaves`.
 */
import { ApiError } from '@berth/core';
import type { ServiceModel, ShapeModel } from '@berth/wire';

export const serialization = (path: string, expected: string): ApiError =>
  new ApiError('SerializationException', `Expected ${expected} at ${path || 'the top level'}.`, 400);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** How one protocol converts leaves, in one direction (decode: wire to handler; encode: back). */
export interface WireLeaves {
  /** `format` is the member's `timestampFormat`, else the shape's. */
  timestamp(value: unknown, format: string | undefined, path: string): unknown;
  blob(value: unknown, path: string): unknown;
  scalar(value: unknown, shape: ShapeModel, path: string): unknown;
}

export interface WalkOptions {
  /**
   * Structure members the model does not name: dropped (as AWS ignores them), or kept as they
   * are, for APIs whose handlers have always seen the JSON as sent.
   */
  readonly unknownMembers: 'drop' | 'keep';
}

export class ShapeWalk {
  constructor(
    private readonly model: ServiceModel,
    private readonly leaves: WireLeaves,
    private readonly options: WalkOptions,
  ) {}

  /** `value` as shape `shapeName`; a shape the model lacks passes the value through. */
  value(value: unknown, shapeName: string, path: string, format?: string): unknown {
    const shape = this.model.shapes[shapeName];
    if (!shape || value === null || value === undefined) return value;
    switch (shape.type) {
      case 'structure':
        return this.structure(value, shape, path);
      case 'list':
        if (!Array.isArray(value)) throw serialization(path, 'a list');
        return value.map((item: unknown, i) => this.member(item, shape.member, `${path}[${i}]`));
      case 'map':
        if (!isRecord(value)) throw serialization(path, 'a map');
        return Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, this.member(v, shape.value, `${path}.${k}`)]),
        );
      case 'timestamp':
        return this.leaves.timestamp(value, format ?? shape.timestampFormat, path);
      case 'blob':
        return this.leaves.blob(value, path);
      default:
        return this.leaves.scalar(value, shape, path);
    }
  }

  private member(
    value: unknown,
    member: { readonly shape: string; readonly timestampFormat?: string } | undefined,
    path: string,
  ): unknown {
    return this.value(value, member?.shape ?? '', path, member?.timestampFormat);
  }

  private structure(value: unknown, shape: ShapeModel, path: string): Record<string, unknown> {
    if (!isRecord(value)) throw serialization(path, 'a structure');
    const members = shape.members ?? {};
    const result: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      if (item === null || item === undefined) continue;
      const member = Object.hasOwn(members, name) ? members[name] : undefined;
      if (member) result[name] = this.member(item, member, path ? `${path}.${name}` : name);
      else if (this.options.unknownMembers === 'keep') result[name] = item;
    }
    return result;
  }
}
