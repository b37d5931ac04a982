// Turns parsed Smithy IDL files into Berth's botocore-style ServiceModel pieces: shape ids
// resolved through `use` and the prelude, `apply` and mixins merged, and Smithy's wire traits
// translated (xmlName → locationName, xmlFlattened → flattened, timestampFormat → botocore's
// names, @error/@httpError/@awsQueryError → error). Used only by extract-smithy-vectors.mjs.

const PRELUDE = {
  String: 'string',
  Boolean: 'boolean',
  PrimitiveBoolean: 'boolean',
  Byte: 'integer',
  PrimitiveByte: 'integer',
  Short: 'integer',
  PrimitiveShort: 'integer',
  Integer: 'integer',
  PrimitiveInteger: 'integer',
  Long: 'long',
  PrimitiveLong: 'long',
  BigInteger: 'long',
  Float: 'float',
  PrimitiveFloat: 'float',
  Double: 'double',
  PrimitiveDouble: 'double',
  BigDecimal: 'double',
  Timestamp: 'timestamp',
  Blob: 'blob',
  Document: 'document',
};
const SIMPLE = {
  string: 'string',
  enum: 'string',
  boolean: 'boolean',
  byte: 'integer',
  short: 'integer',
  integer: 'integer',
  intEnum: 'integer',
  long: 'long',
  bigInteger: 'long',
  float: 'float',
  double: 'double',
  bigDecimal: 'double',
  timestamp: 'timestamp',
  blob: 'blob',
  document: 'document',
};
const TIMESTAMP_FORMATS = { 'date-time': 'iso8601', 'epoch-seconds': 'unixTimestamp', 'http-date': 'rfc822' };

const shortTrait = (id) => id.split('#').pop();
const shortTraits = (traits) =>
  Object.fromEntries(Object.entries(traits).map(([k, v]) => [shortTrait(k), v]));
const shortName = (id) => id.split('#').pop();

/** Every shape of every file by absolute id, with applied traits and mixins merged in. */
export class SmithyModel {
  constructor(files) {
    this.shapes = new Map();
    for (const file of files) {
      for (const [name, shape] of Object.entries(file.shapes)) {
        this.shapes.set(`${file.namespace}#${name}`, {
          ...shape,
          name,
          file,
          traits: shortTraits(shape.traits),
        });
        for (const [prop, value] of Object.entries(shape.properties ?? {})) {
          if (value?.inline) {
            const id = `${file.namespace}#${name}${prop === 'input' ? 'Input' : 'Output'}`;
            this.shapes.set(id, { ...value.inline, file, traits: shortTraits(value.inline.traits) });
            shape.properties[prop] = id;
          }
        }
      }
    }
    for (const file of files) {
      for (const apply of file.applies) {
        const [target, member] = apply.target.split('$');
        const shape = this.shapes.get(this.resolve(target, file));
        if (!shape) throw new Error(`apply to unknown shape ${apply.target}`);
        const holder = member ? shape.members[member] : shape;
        holder.traits = { ...holder.traits, ...shortTraits(apply.traits) };
      }
    }
    for (const shape of this.shapes.values()) this.mergeMixins(shape);
  }

  resolve(name, file) {
    if (name === undefined) return undefined;
    if (name.includes('#')) return name;
    if (file.uses[name]) return file.uses[name];
    if (this.shapes?.has(`${file.namespace}#${name}`)) return `${file.namespace}#${name}`;
    if (PRELUDE[name] || name === 'Unit') return `smithy.api#${name}`;
    return `${file.namespace}#${name}`;
  }

  mergeMixins(shape) {
    if (shape.merged) return;
    shape.merged = true;
    const members = {};
    for (const mixinName of shape.mixins ?? []) {
      const mixin = this.shapes.get(this.resolve(mixinName, shape.file));
      if (!mixin) throw new Error(`unknown mixin ${mixinName}`);
      this.mergeMixins(mixin);
      for (const [name, member] of Object.entries(mixin.members)) {
        members[name] = { ...member, target: member.absolute ?? this.resolve(member.target, mixin.file) };
      }
      const { mixin: _mixin, ...inherited } = mixin.traits;
      shape.traits = { ...inherited, ...shape.traits };
    }
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const target =
        member.target === undefined ? members[name]?.target : this.resolve(member.target, shape.file);
      members[name] = {
        ...members[name],
        ...member,
        target,
        traits: { ...members[name]?.traits, ...shortTraits(member.traits) },
      };
      members[name].absolute = target;
    }
    shape.members = members;
  }

  get(id) {
    return this.shapes.get(id);
  }

  /** The ServiceModel shapes (by short name) reachable from `ids`. */
  wireShapes(ids) {
    const out = {};
    const visit = (id) => {
      if (!id || id === 'smithy.api#Unit') return undefined;
      const name = shortName(id);
      if (out[name]) return name;
      if (id.startsWith('smithy.api#')) {
        out[name] = { type: PRELUDE[name] };
        return name;
      }
      const shape = this.get(id);
      if (!shape) throw new Error(`unknown shape ${id}`);
      out[name] = {};
      out[name] = this.wireShape(shape, visit);
      return name;
    };
    ids.forEach(visit);
    return out;
  }

  wireShape(shape, visit) {
    const t = shape.traits;
    const common = {
      ...(t.timestampFormat ? { timestampFormat: TIMESTAMP_FORMATS[t.timestampFormat] } : {}),
      ...(t.xmlNamespace ? { xmlNamespace: t.xmlNamespace } : {}),
      ...(t.xmlFlattened ? { flattened: true } : {}),
    };
    const member = (m) => ({
      shape: visit(m.absolute),
      ...(m.traits.xmlName ? { locationName: m.traits.xmlName } : {}),
      ...(m.traits.xmlFlattened ? { flattened: true } : {}),
      ...(m.traits.xmlAttribute ? { xmlAttribute: true } : {}),
      ...(m.traits.xmlNamespace ? { xmlNamespace: m.traits.xmlNamespace } : {}),
      ...(m.traits.timestampFormat ? { timestampFormat: TIMESTAMP_FORMATS[m.traits.timestampFormat] } : {}),
    });
    switch (shape.type) {
      case 'structure':
      case 'union': {
        const members = Object.fromEntries(Object.entries(shape.members).map(([n, m]) => [n, member(m)]));
        const required = Object.entries(shape.members)
          .filter(([, m]) => m.traits.required)
          .map(([n]) => n);
        return {
          type: 'structure',
          members,
          ...(required.length ? { required } : {}),
          ...(shape.type === 'union' ? { union: true } : {}),
          ...common,
          ...this.errorTraits(t, shape),
        };
      }
      case 'list':
      case 'set':
        return { type: 'list', member: member(shape.members.member), ...common };
      case 'map':
        return { type: 'map', key: member(shape.members.key), value: member(shape.members.value), ...common };
      default:
        if (!SIMPLE[shape.type]) throw new Error(`unsupported shape type ${shape.type}`);
        return { type: SIMPLE[shape.type], ...common };
    }
  }

  errorTraits(t, shape) {
    if (!t.error) return {};
    const queryError = t.awsQueryError;
    const status = queryError?.httpResponseCode ?? t.httpError ?? (t.error === 'client' ? 400 : 500);
    return {
      exception: true,
      ...(t.error === 'server' ? { fault: true } : {}),
      error: {
        code: queryError?.code ?? shape.name,
        httpStatusCode: status,
        senderFault: t.error === 'client',
      },
    };
  }
}
