/**
 * awsQuery request decoding: the form body's dotted names (`A.B.member.1`, `M.entry.1.key`,
 * flattened `L.1`) read into the handler's input object, guided by the operation's input shape.
 * Timestamps become epoch seconds, blobs stay base64 strings; names the shape does not know are
 * ignored, as AWS does. A value that is not of its member's type is an InvalidParameterValue.
 */
import { ApiError } from '@berth/core';
import type { MemberModel, ServiceModel, ShapeModel } from '@berth/wire';

import { parseNumber, parseTimestamp, shapeOf } from './wire-values.js';

/** The form's names split on dots into a tree, so each level is looked up, never scanned. */
interface FormNode {
  value?: string;
  readonly children: Map<string, FormNode>;
}

const newNode = (): FormNode => ({ children: new Map() });

export const formTree = (body: string): FormNode => {
  const root = newNode();
  for (const [name, value] of new URLSearchParams(body)) {
    let node = root;
    for (const segment of name.split('.')) {
      let child = node.children.get(segment);
      if (!child) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
};

/** The children of a node named by positive integers, in numeric order. */
const indexed = (node: FormNode): FormNode[] =>
  [...node.children.entries()]
    .filter(([name]) => /^[1-9]\d*$/.test(name))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => child);

const invalid = (path: string, value: string | undefined): ApiError =>
  new ApiError('InvalidParameterValue', `Value (${value ?? ''}) for parameter ${path} is invalid.`, 400);

class FormDecoder {
  constructor(private readonly model: ServiceModel) {}

  value(node: FormNode, shapeName: string, path: string, flattened = false): unknown {
    const shape = shapeOf(this.model, shapeName);
    switch (shape.type) {
      case 'structure':
        return this.structure(node, shape, path);
      case 'list':
        return this.list(node, shape, path, flattened || shape.flattened === true);
      case 'map':
        return this.map(node, shape, path, flattened || shape.flattened === true);
      default:
        return this.scalar(node.value, shape, path);
    }
  }

  private member(parent: FormNode, name: string, member: MemberModel, path: string): unknown {
    const node = parent.children.get(member.locationName ?? name);
    return node ? this.value(node, member.shape, path, member.flattened === true) : undefined;
  }

  private structure(node: FormNode, shape: ShapeModel, path: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const value = this.member(node, name, member, path ? `${path}.${name}` : name);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }

  private list(node: FormNode, shape: ShapeModel, path: string, flattened: boolean): unknown[] {
    const member = shape.member;
    if (!member) return [];
    const items = flattened ? node : node.children.get(member.locationName ?? 'member');
    return items ? indexed(items).map((item, i) => this.value(item, member.shape, `${path}.${i + 1}`)) : [];
  }

  private map(node: FormNode, shape: ShapeModel, path: string, flattened: boolean): Record<string, unknown> {
    const { key, value } = shape;
    const result: Record<string, unknown> = {};
    const entries = flattened ? node : node.children.get('entry');
    if (!key || !value || !entries) return result;
    for (const entry of indexed(entries)) {
      const name = entry.children.get(key.locationName ?? 'key')?.value;
      const valueNode = entry.children.get(value.locationName ?? 'value');
      if (name === undefined || !valueNode) continue;
      result[name] = this.value(valueNode, value.shape, `${path}.${name}`);
    }
    return result;
  }

  private scalar(text: string | undefined, shape: ShapeModel, path: string): unknown {
    if (text === undefined) return undefined;
    switch (shape.type) {
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        const value = parseNumber(text, shape.type === 'integer' || shape.type === 'long');
        if (value === undefined) throw invalid(path, text);
        return value;
      }
      case 'boolean':
        if (text !== 'true' && text !== 'false') throw invalid(path, text);
        return text === 'true';
      case 'timestamp': {
        const value = parseTimestamp(text);
        if (value === undefined) throw invalid(path, text);
        return value;
      }
      default:
        return text;
    }
  }
}

/** The input of an operation from its form body (`Action` and `Version` are not members, so dropped). */
export const decodeQueryForm = (body: string, inputShape: string | undefined, model: ServiceModel) => {
  if (inputShape === undefined) return {};
  const decoded = new FormDecoder(model).value(formTree(body), inputShape, '');
  return (decoded ?? {}) as Record<string, unknown>;
};
