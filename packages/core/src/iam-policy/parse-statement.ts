/** One statement of a policy document, checked against the rules of its kind. */
import { parseCondition, VENDOR_PREFIX } from './parse-condition.js';
import { parsePrincipal } from './parse-principal.js';
import type { PolicyKind, PolicyStatement } from './policy-types.js';
import { isObject, malformed, onlyMembers, stringList, SYNTAX_ERROR } from './policy-json.js';

const MEMBERS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;
const SID = /^[0-9A-Za-z]*$/;

const actions = (value: unknown): string[] => {
  const list = stringList(value);
  if (list.length === 0) throw malformed('Policy statement must contain actions.');
  for (const action of list) {
    if (action !== '*' && !ACTION.test(action)) throw malformed(VENDOR_PREFIX);
  }
  return list;
};

const resources = (value: unknown): string[] => {
  const list = stringList(value);
  if (list.length === 0) throw malformed('Policy statement must contain resources.');
  for (const resource of list) {
    if (resource !== '*' && !(resource.startsWith('arn:') && resource.split(':').length >= 6)) {
      throw malformed(`Resource ${resource} must be in ARN format or "*".`);
    }
  }
  return list;
};

const either = (statement: Readonly<Record<string, unknown>>, a: string, b: string): void => {
  if (statement[a] !== undefined && statement[b] !== undefined) throw malformed(SYNTAX_ERROR);
};

const checkPrincipalRules = (statement: Readonly<Record<string, unknown>>, kind: PolicyKind): void => {
  either(statement, 'Principal', 'NotPrincipal');
  if (kind === 'identity') {
    for (const field of ['Principal', 'NotPrincipal']) {
      if (statement[field] !== undefined) throw malformed(`Has prohibited field ${field}`);
    }
  } else if (statement['Principal'] === undefined && statement['NotPrincipal'] === undefined) {
    throw malformed('Missing required field Principal');
  }
};

const checkResourceRules = (statement: Readonly<Record<string, unknown>>, kind: PolicyKind): void => {
  either(statement, 'Resource', 'NotResource');
  const has = statement['Resource'] !== undefined || statement['NotResource'] !== undefined;
  if (kind === 'trust') {
    for (const field of ['Resource', 'NotResource']) {
      if (statement[field] !== undefined) throw malformed(`Has prohibited field ${field}`);
    }
  } else if (kind === 'identity' && !has) {
    throw malformed('Policy statement must contain resources.');
  }
};

export const parseStatement = (value: unknown, kind: PolicyKind): PolicyStatement => {
  if (!isObject(value)) throw malformed(SYNTAX_ERROR);
  onlyMembers(value, MEMBERS);
  const { Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition } = value;
  if (Sid !== undefined && typeof Sid !== 'string') throw malformed(SYNTAX_ERROR);
  if (typeof Sid === 'string' && kind === 'identity' && !SID.test(Sid)) {
    throw malformed(
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    );
  }
  if (Effect === undefined) throw malformed('Missing required field Effect');
  if (Effect !== 'Allow' && Effect !== 'Deny') throw malformed(`Invalid effect: ${JSON.stringify(Effect)}`);
  checkPrincipalRules(value, kind);
  either(value, 'Action', 'NotAction');
  if (Action === undefined && NotAction === undefined)
    throw malformed('Policy statement must contain actions.');
  checkResourceRules(value, kind);
  return {
    ...(Sid === undefined ? {} : { sid: Sid }),
    effect: Effect,
    ...(Principal === undefined ? {} : { principal: parsePrincipal(Principal) }),
    ...(NotPrincipal === undefined ? {} : { notPrincipal: parsePrincipal(NotPrincipal) }),
    ...(Action === undefined ? {} : { action: actions(Action) }),
    ...(NotAction === undefined ? {} : { notAction: actions(NotAction) }),
    ...(Resource === undefined ? {} : { resource: resources(Resource) }),
    ...(NotResource === undefined ? {} : { notResource: resources(NotResource) }),
    ...(Condition === undefined ? {} : { condition: parseCondition(Condition) }),
  };
};
