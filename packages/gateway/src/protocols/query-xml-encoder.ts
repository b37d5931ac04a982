/**
 * awsQuery response encoding: a handler's output object written as XML, guided by its shape.
 * Lists are `<member>` items (or the list member's locationName, or repeated elements when
 * flattened), maps `<entry><key/><value/></entry>` (or flattened / renamed), timestamps ISO-8601
 * with milliseconds unless the model says otherwise, booleans `true`/`false`, blobs base64;
 * undefined and null members are omitted.
 */
import type { MemberModel, ServiceModel, ShapeModel } from '@berth/wire';

import { escapeXmlText, xmlElement, type XmlAttributes } from './xml-writer.js';
import { base64TextOf, epochSecondsOf, formatNumber, formatTimestamp, shapeOf } from './wire-values.js';

type Namespace = { readonly uri: string; readonly prefix?: string } | undefined;

const namespaceAttributes = (namespace: Namespace): XmlAttributes =>
  namespace ? { [namespace.prefix ? `xmlns:${namespace.prefix}` : 'xmlns']: namespace.uri } : {};

export class QueryXmlEncoder {
  constructor(private readonly model: ServiceModel) {}

  /** The members of a structure value, without an element around them. */
  members(value: unknown, shapeName: string): string {
    const shape = shapeOf(this.model, shapeName);
    if (typeof value !== 'object' || value === null) return '';
    const record = value as Record<string, unknown>;
    return Object.entries(shape.members ?? {})
      .filter(([name, member]) => member.xmlAttribute !== true && record[name] !== undefined)
      .map(([name, member]) => this.member(record[name], member, member.locationName ?? name))
      .join('');
  }

  private member(value: unknown, member: MemberModel, name: string): string {
    if (value === null || value === undefined) return '';
    const shape = shapeOf(this.model, member.shape);
    const flattened = member.flattened === true || shape.flattened === true;
    if (flattened && shape.type === 'list' && Array.isArray(value)) {
      return value.map((item) => this.element(item, shape.member, name)).join('');
    }
    if (flattened && shape.type === 'map' && typeof value === 'object') {
      return this.entries(value as Record<string, unknown>, shape, name, member.xmlNamespace);
    }
    return this.element(value, member, name);
  }

  /** One element named `name` holding `value` of the member's shape. */
  private element(value: unknown, member: MemberModel | undefined, name: string): string {
    if (!member || value === null || value === undefined) return '';
    const shape = shapeOf(this.model, member.shape);
    const attributes = namespaceAttributes(member.xmlNamespace);
    switch (shape.type) {
      case 'structure':
        return xmlElement(name, this.members(value, member.shape), {
          ...attributes,
          ...this.structureAttributes(value, shape),
        });
      case 'list': {
        const items = Array.isArray(value) ? value : [];
        const itemName = shape.member?.locationName ?? 'member';
        return xmlElement(
          name,
          items.map((item) => this.element(item, shape.member, itemName)).join(''),
          attributes,
        );
      }
      case 'map': {
        const record = typeof value === 'object' ? (value as Record<string, unknown>) : {};
        return xmlElement(name, this.entries(record, shape, 'entry', undefined), attributes);
      }
      default:
        return xmlElement(name, escapeXmlText(this.scalarText(value, shape, member) ?? ''), attributes);
    }
  }

  private entries(
    record: Record<string, unknown>,
    shape: ShapeModel,
    name: string,
    namespace: Namespace,
  ): string {
    const keyName = shape.key?.locationName ?? 'key';
    const valueName = shape.value?.locationName ?? 'value';
    return Object.entries(record)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) =>
        xmlElement(
          name,
          this.element(key, shape.key, keyName) + this.element(value, shape.value, valueName),
          namespaceAttributes(namespace),
        ),
      )
      .join('');
  }

  private structureAttributes(value: unknown, shape: ShapeModel): XmlAttributes {
    const record = (value ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string | undefined> = {};
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (member.xmlAttribute !== true || record[name] === undefined) continue;
      attributes[member.locationName ?? name] = this.scalarText(
        record[name],
        shapeOf(this.model, member.shape),
        member,
      );
    }
    return attributes;
  }

  private scalarText(value: unknown, shape: ShapeModel, member: MemberModel): string | undefined {
    switch (shape.type) {
      case 'timestamp': {
        const seconds = epochSecondsOf(value);
        return seconds === undefined
          ? undefined
          : formatTimestamp(seconds, member.timestampFormat ?? shape.timestampFormat);
      }
      case 'blob':
        return base64TextOf(value);
      case 'boolean':
        return value === true || value === 'true' ? 'true' : 'false';
      case 'float':
      case 'double':
      case 'integer':
      case 'long':
        return typeof value === 'number' ? formatNumber(value) : String(value);
      default:
        return String(value);
    }
  }
}
