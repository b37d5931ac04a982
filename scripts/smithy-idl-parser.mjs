// Parses the subset of the Smithy 2.0 IDL that the protocol test models use (shapes, members,
// traits with node values, `apply`, `use`, mixins, inline operation input/output) into plain
// objects. Used only by extract-smithy-vectors.mjs; not a general Smithy implementation.

const KEYWORDS = { true: true, false: false, null: null };
const PUNCT = new Set(['{', '}', '[', ']', '(', ')', ':', '=', '@']);

/** Incidental whitespace removal of a text block, as the Smithy IDL specifies it. */
const textBlock = (raw) => {
  const lines = raw.replace(/^[ \t]*\r?\n/, '').split(/\r?\n/);
  const closingOwnLine = /^[ \t]*$/.test(lines[lines.length - 1] ?? '');
  const indents = lines
    .filter((line, i) => line.trim() !== '' || (closingOwnLine && i === lines.length - 1))
    .map((line) => /^[ \t]*/.exec(line)[0].length);
  const strip = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(strip).replace(/[ \t]+$/, '')).join('\n');
};

const unescape = (text) =>
  text.replace(/\\(u[0-9a-fA-F]{4}|\r?\n|.)/g, (_, c) => {
    if (c.startsWith('u')) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (c === '\n' || c === '\r\n') return '';
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[c] ?? c;
  });

export const tokenize = (source) => {
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/[\s,]/.test(c)) i++;
    else if (source.startsWith('//', i))
      i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      tokens.push({ type: 'string', value: unescape(textBlock(source.slice(i + 3, end))) });
      i = end + 3;
    } else if (c === '"') {
      let j = i + 1;
      while (source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      tokens.push({ type: 'string', value: unescape(source.slice(i + 1, j)) });
      i = j + 1;
    } else if (source.startsWith(':=', i)) {
      tokens.push({ type: 'punct', value: ':=' });
      i += 2;
    } else if (PUNCT.has(c)) {
      tokens.push({ type: 'punct', value: c });
      i++;
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
      tokens.push({ type: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z0-9_$.#]+/.exec(source.slice(i));
      tokens.push({ type: 'ident', value: m[0] });
      i += m[0].length;
    } else throw new Error(`unexpected character ${JSON.stringify(c)} at ${i}`);
  }
  return tokens;
};

class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.at = 0;
  }
  peek(offset = 0) {
    return this.tokens[this.at + offset];
  }
  next() {
    return this.tokens[this.at++];
  }
  is(value, offset = 0) {
    const t = this.peek(offset);
    return t !== undefined && t.type === 'punct' && t.value === value;
  }
  expect(value) {
    const t = this.next();
    if (!t || t.value !== value) throw new Error(`expected ${value}, got ${JSON.stringify(t)}`);
  }
  ident() {
    const t = this.next();
    if (t?.type !== 'ident') throw new Error(`expected an identifier, got ${JSON.stringify(t)}`);
    return t.value;
  }

  node() {
    const t = this.next();
    if (t.type === 'string' || t.type === 'number') return t.value;
    if (t.type === 'ident') return t.value in KEYWORDS ? KEYWORDS[t.value] : t.value;
    if (t.value === '[') {
      const items = [];
      while (!this.is(']')) items.push(this.node());
      this.next();
      return items;
    }
    if (t.value === '{') return this.objectBody('}');
    throw new Error(`unexpected token in a node value: ${JSON.stringify(t)}`);
  }
  objectBody(close) {
    const object = {};
    while (!this.is(close)) {
      const key = this.next().value;
      this.expect(':');
      object[key] = this.node();
    }
    this.next();
    return object;
  }

  /** `@id`, `@id(node)` or `@id(key: value …)` → [id, value]. */
  trait() {
    this.expect('@');
    const id = this.ident();
    if (!this.is('(')) return [id, {}];
    this.next();
    if (this.is(')')) {
      this.next();
      return [id, {}];
    }
    const keyed = this.is(':', 1) && ['ident', 'string'].includes(this.peek().type);
    if (keyed) return [id, this.objectBody(')')];
    const value = this.node();
    this.expect(')');
    return [id, value];
  }
  traits() {
    const traits = {};
    while (this.is('@')) {
      const [id, value] = this.trait();
      traits[id] = value;
    }
    return traits;
  }

  /** Members of a structure/union/list/map/enum body, or an operation/service's properties. */
  members(kind) {
    this.expect('{');
    const members = {};
    const properties = {};
    while (!this.is('}')) {
      const traits = this.traits();
      const name = this.ident();
      if (kind === 'operation' || kind === 'service' || kind === 'resource') {
        if (this.is(':=')) {
          this.next();
          const inlineTraits = this.traits();
          const mixins = this.mixins();
          properties[name] = {
            inline: {
              type: 'structure',
              traits: inlineTraits,
              mixins,
              members: this.members('structure').members,
            },
          };
        } else {
          this.expect(':');
          properties[name] = this.node();
        }
        continue;
      }
      if (name.startsWith('$')) {
        members[name.slice(1)] = { target: undefined, traits };
      } else if (kind === 'enum' || kind === 'intEnum') {
        members[name] = { target: kind === 'enum' ? 'smithy.api#Unit' : 'smithy.api#Unit', traits };
        if (this.is('=')) {
          this.next();
          members[name].value = this.node();
        }
        continue;
      } else {
        this.expect(':');
        members[name] = { target: this.ident(), traits };
      }
      if (this.is('=')) {
        this.next();
        members[name].default = this.node();
      }
    }
    this.next();
    return { members, properties };
  }
  mixins() {
    if (this.peek()?.type !== 'ident' || this.peek().value !== 'with') return [];
    this.next();
    this.expect('[');
    const names = [];
    while (!this.is(']')) names.push(this.ident());
    this.next();
    return names;
  }

  file() {
    const file = { namespace: undefined, uses: {}, shapes: {}, applies: [] };
    while (this.peek()) {
      if (this.peek().type === 'ident' && this.peek().value.startsWith('$')) {
        this.next();
        this.expect(':');
        this.node();
        continue;
      }
      const traits = this.traits();
      const keyword = this.ident();
      if (keyword === 'namespace') file.namespace = this.ident();
      else if (keyword === 'use') {
        const id = this.ident();
        file.uses[id.split('#')[1]] = id;
      } else if (keyword === 'metadata') {
        this.ident();
        this.expect('=');
        this.node();
      } else if (keyword === 'apply') {
        const target = this.ident();
        if (this.is('{')) {
          this.next();
          file.applies.push({ target, traits: this.traits() });
          this.expect('}');
        } else file.applies.push({ target, traits: this.traits() });
      } else {
        const name = this.ident();
        const mixins = this.mixins();
        if (this.peek()?.type === 'ident' && this.peek().value === 'for') {
          this.next();
          this.ident();
        }
        const body = this.is('{') ? this.members(keyword) : { members: {}, properties: {} };
        file.shapes[name] = { type: keyword, traits, mixins, ...body };
      }
    }
    return file;
  }
}

/** One IDL file → { namespace, uses: {Name: id}, shapes: {Name: shape}, applies: [{target, traits}] }. */
export const parseSmithyIdl = (source) => new Parser(tokenize(source)).file();
