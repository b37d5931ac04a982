// Converts Smithy's protocol test vectors (smithy-lang/smithy, Apache-2.0) for the protocols the
// gateway speaks into committed JSON fixtures under packages/gateway/test-vectors/<protocol>/:
// each case has its id, kind (request: a server parses `body` into `params`; response/error: a
// server serializes `params` into `body`), operation, body, params and the ServiceModel it needs.
// Cases that apply only to clients are left out. Not needed at test time.
//
//   node scripts/extract-smithy-vectors.mjs <path of a smithy checkout> [commit]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { parseSmithyIdl } from './smithy-idl-parser.mjs';
import { SmithyModel } from './smithy-to-wire-model.mjs';

const PROTOCOLS = {
  awsQuery: { dir: 'smithy-aws-protocol-tests/model/awsQuery', trait: 'awsQuery' },
  awsJson1_0: { dir: 'smithy-aws-protocol-tests/model/awsJson1_0', trait: 'awsJson1_0' },
  awsJson1_1: { dir: 'smithy-aws-protocol-tests/model/awsJson1_1', trait: 'awsJson1_1' },
  rpcv2Cbor: { dir: 'smithy-protocol-tests/model/rpcv2Cbor', trait: 'rpcv2Cbor' },
};
const SHARED = [
  'smithy-aws-protocol-tests/model/shared-types.smithy',
  'smithy-aws-protocol-tests/model/aws-config.smithy',
  'smithy-protocol-tests/model/shared-types.smithy',
  'smithy-validation-model/model/smithy.framework.validation.smithy',
];
const OUT = new URL('../packages/gateway/test-vectors/', import.meta.url).pathname;

const [tree, commit = 'unknown'] = process.argv.slice(2);
if (!tree) {
  console.error('usage: node scripts/extract-smithy-vectors.mjs <smithy checkout> [commit]');
  process.exit(2);
}

const smithyFiles = (dir) =>
  readdirSync(join(tree, dir), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.smithy'))
    .map((entry) => join(dir, entry.name));

const parsed = new Map();
const parse = (path) => {
  if (!parsed.has(path))
    parsed.set(path, { path, ...parseSmithyIdl(readFileSync(join(tree, path), 'utf8')) });
  return parsed.get(path);
};
const protocolFiles = Object.fromEntries(
  Object.entries(PROTOCOLS).map(([p, { dir }]) => [p, smithyFiles(dir).map(parse)]),
);
const model = new SmithyModel([...SHARED.map(parse), ...Object.values(protocolFiles).flat()]);

/** The routing metadata of the protocol's test service. */
const metadataOf = (protocol, files) => {
  const file = files.find((f) => Object.values(f.shapes).some((s) => s.type === 'service'));
  const [name, shape] = Object.entries(file.shapes).find(([, s]) => s.type === 'service');
  const traits = model.get(`${file.namespace}#${name}`).traits;
  return {
    protocol: protocol === 'awsQuery' ? 'query' : protocol === 'rpcv2Cbor' ? 'smithy-rpc-v2-cbor' : 'json',
    protocols: [protocol === 'awsQuery' ? 'query' : protocol === 'rpcv2Cbor' ? 'smithy-rpc-v2-cbor' : 'json'],
    apiVersion: shape.properties.version ?? '',
    serviceId: name,
    signingName: traits.sigv4?.name ?? name,
    targetPrefix: name,
    ...(protocol.startsWith('awsJson') ? { jsonVersion: protocol === 'awsJson1_0' ? '1.0' : '1.1' } : {}),
    ...(traits.xmlNamespace ? { xmlNamespace: traits.xmlNamespace.uri } : {}),
  };
};

const operationModel = (protocol, name, shape) => {
  const id = (prop) => {
    const target = model.resolve(shape.properties[prop], shape.file);
    return target === 'smithy.api#Unit' ? undefined : target;
  };
  const [input, output] = [id('input'), id('output')];
  const errors = (shape.properties.errors ?? []).map((e) => model.resolve(e, shape.file));
  return {
    ids: [input, output, ...errors].filter(Boolean),
    wire: {
      ...(input ? { input: input.split('#')[1] } : {}),
      ...(output ? { output: output.split('#')[1] } : {}),
      ...(protocol === 'awsQuery' && output ? { resultWrapper: `${name}Result` } : {}),
      errors: errors.map((e) => e.split('#')[1]),
    },
  };
};

const caseOf = (test, kind, operation, metadata, extra) => {
  const { ids, wire } = operation
    ? operationModel(extra.protocol, operation.name, operation.shape)
    : { ids: [] };
  return {
    id: test.id,
    ...(test.documentation ? { documentation: test.documentation } : {}),
    kind,
    ...(operation ? { operation: operation.name } : {}),
    ...(extra.errorShape ? { errorShape: extra.errorShape, errorCode: extra.errorCode } : {}),
    ...(test.code !== undefined ? { code: test.code } : {}),
    ...(test.uri ? { uri: test.uri } : {}),
    body: test.body ?? '',
    ...(test.bodyMediaType ? { bodyMediaType: test.bodyMediaType } : {}),
    params: test.params ?? {},
    ...(test.appliesTo ? { appliesTo: test.appliesTo } : {}),
    model: {
      metadata,
      operations: operation ? { [operation.name]: wire } : {},
      shapes: model.wireShapes([...ids, ...(extra.errorId ? [extra.errorId] : [])]),
    },
  };
};

const convert = (protocol, file, metadata, operations) => {
  const cases = [];
  for (const name of Object.keys(file.shapes)) {
    const id = `${file.namespace}#${name}`;
    const shape = model.get(id);
    const applicable = (tests) =>
      (tests ?? []).filter(
        (t) => shortProtocol(t.protocol) === PROTOCOLS[protocol].trait && t.appliesTo !== 'client',
      );
    if (shape.type === 'operation') {
      const operation = { name, shape };
      for (const t of applicable(shape.traits.httpRequestTests))
        cases.push(caseOf(t, 'request', operation, metadata, { protocol }));
      for (const t of applicable(shape.traits.httpResponseTests))
        cases.push(caseOf(t, 'response', operation, metadata, { protocol }));
    } else if (shape.traits.error) {
      const owner = operations.find((op) =>
        (op.shape.properties.errors ?? []).some((e) => model.resolve(e, op.shape.file) === id),
      );
      for (const t of applicable(shape.traits.httpResponseTests)) {
        const errorCode = t.vendorParams?.code ?? shape.traits.awsQueryError?.code ?? name;
        cases.push(
          caseOf(t, 'error', owner, metadata, { protocol, errorShape: name, errorCode, errorId: id }),
        );
      }
    }
  }
  return cases;
};
const shortProtocol = (id) => String(id).split('#').pop();

rmSync(OUT, { recursive: true, force: true });
for (const [protocol, files] of Object.entries(protocolFiles)) {
  const metadata = metadataOf(protocol, files);
  const operations = files.flatMap((f) =>
    Object.keys(f.shapes)
      .map((name) => ({ name, shape: model.get(`${f.namespace}#${name}`) }))
      .filter((op) => op.shape.type === 'operation'),
  );
  mkdirSync(join(OUT, protocol), { recursive: true });
  let total = 0;
  for (const file of files) {
    const cases = convert(protocol, file, metadata, operations);
    if (cases.length === 0) continue;
    total += cases.length;
    const target = join(OUT, protocol, basename(file.path).replace(/\.smithy$/, '.json'));
    writeFileSync(target, `${JSON.stringify({ source: file.path, commit, cases }, null, 2)}\n`);
  }
  console.log(`${protocol}: ${total} cases`);
}
writeFileSync(
  join(OUT, 'README.md'),
  `# Smithy protocol test vectors\n\nGenerated by \`scripts/extract-smithy-vectors.mjs\` from the protocol test models of\n[smithy-lang/smithy](https://github.com/smithy-lang/smithy) (Apache-2.0) at commit \`${commit}\`.\nOnly cases that apply to a server are kept; \`params\` are as Smithy writes them (blobs as text,\ntimestamps as epoch seconds, NaN/Infinity as strings). Do not edit: regenerate.\n`,
);
