/**
 * One statement of a policy document, checked against the rules of its kind in the order IAM
 * reports problems: Effect, Principal rules, Action present, Resource present, then their contents
 * and the Condition.
 */
import { checkAction, checkResource, elementList, parseEffect } from './parse-elements.js';
import { parseCondition } from './parse-condition.js';
import { parsePrincipal } from './parse-principal.js';
import type { PolicyKind, PolicyStatement } from './policy-types.js';
import { isObject, malformed, onlyMembers, SYNTAX_ERROR, type JsonObject } from './policy-json.js';

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
const SID = /^[0-9A-Za-z]*$/;
const NO_ACTIONS = 'Policy statement must contain actions.';
const NO_RESOURCES = 'Policy statement must contain resources.';

const either = (statement: JsonObject, a: string, b: string): string | undefined => {
  if (statement[a] !== undefined && statement[b] !== undefined) throw malformed(SYNTAX_ERROR);
  return statement[a] !== undefined ? a : statement[b] !== undefined ? b : undefined;
};

const checkPrincipalRules = (statement: JsonObject, kind: PolicyKind): void => {
  const field = either(statement, 'Principal', 'NotPrincipal');
  if (kind === 'identity' && field !== undefined) throw malformed(`Has prohibited field ${field}`);
  if (kind !== 'identity' && field === undefined) throw malformed('Missing required field Principal');
};

/** The statement as a JSON object with a string Sid (or none): checked before any statement is parsed. */
export const statementShape = (value: unknown, kind: PolicyKind): JsonObject => {
  if (!isObject(value)) throw malformed(SYNTAX_ERROR);
  onlyMembers(value, MEMBERS);
  const sid = value['Sid'];
  if (sid !== undefined && typeof sid !== 'string') throw malformed(SYNTAX_ERROR);
  if (typeof sid === 'string' && kind === 'identity' && !SID.test(sid)) {
    throw malformed(
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    );
  }
  return value;
};

export const parseStatement = (statement: JsonObject, kind: PolicyKind): PolicyStatement => {
  const sid = statement['Sid'] as string | undefined;
  const effect = parseEffect(
    statement['Effect'],
    kind === 'identity' ? SYNTAX_ERROR : 'Missing required field Effect',
  );
  checkPrincipalRules(statement, kind);
  const actionField = either(statement, 'Action', 'NotAction') ?? 'Action';
  const actions = elementList(statement[actionField], NO_ACTIONS);
  const resourceField = either(statement, 'Resource', 'NotResource');
  if (kind === 'trust' && resourceField !== undefined)
    throw malformed(`Has prohibited field ${resourceField}`);
  const resources =
    resourceField === undefined
      ? kind === 'identity'
        ? elementList(undefined, NO_RESOURCES)
        : undefined
      : elementList(statement[resourceField], NO_RESOURCES);
  actions.forEach(checkAction);
  resources?.forEach(checkResource);
  const { Principal, NotPrincipal, Condition } = statement;
  return {
    ...(sid === undefined ? {} : { sid }),
    effect,
    ...(Principal === undefined ? {} : { principal: parsePrincipal(Principal) }),
    ...(NotPrincipal === undefined ? {} : { notPrincipal: parsePrincipal(NotPrincipal) }),
    ...(actionField === 'Action' ? { action: actions } : { notAction: actions }),
    ...(resources === undefined
      ? {}
      : resourceField === 'Resource'
        ? { resource: resources }
        : { notResource: resources }),
    ...(Condition === undefined ? {} : { condition: parseCondition(Condition) }),
  };
};
