/**
 * One comparison, `subject operator [argument]`, checked against the operators the ECS
 * documentation allows for each subject and with its arguments converted up front (dates to epoch
 * seconds, counts to numbers, patterns to anchored regular expressions).
 */
import { parseQueryDate } from './parse-query-date.js';
import type { QueryComparison, QueryOperator, QuerySubject, QueryValue } from './query-expression.js';
import type { QueryScanner } from './query-scanner.js';
import { readArgument, readArgumentList } from './read-argument.js';

const SUBJECT_CHAR = /[A-Za-z0-9_.\-/\\@:]/;

const FIXED_SUBJECTS: Readonly<Record<string, QuerySubject>> = {
  agentconnected: { kind: 'agentConnected' },
  agentversion: { kind: 'agentVersion' },
  ec2instanceid: { kind: 'ec2InstanceId' },
  registeredat: { kind: 'registeredAt' },
  runningtaskscount: { kind: 'runningTasksCount' },
  'task:group': { kind: 'taskGroup' },
};

const WORD_OPERATORS: Readonly<Record<string, QueryOperator>> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  exists: 'exists',
  not_exists: '!exists',
  in: 'in',
  not_in: '!in',
  matches: '=~',
  not_matches: '!~',
};

const SYMBOL_OPERATORS: readonly QueryOperator[] = ['==', '!=', '>=', '<=', '=~', '!~', '>', '<'];

const IDENTITY_OPERATORS: readonly QueryOperator[] = ['==', '!=', 'in', '!in', '=~', '!~'];
const ORDER_OPERATORS: readonly QueryOperator[] = ['==', '!=', '>', '>=', '<', '<='];

/** Operators the ECS documentation lists per subject; attributes and task groups take all. */
const ALLOWED: Partial<Record<QuerySubject['kind'], readonly QueryOperator[]>> = {
  agentConnected: IDENTITY_OPERATORS,
  ec2InstanceId: IDENTITY_OPERATORS,
  agentVersion: ORDER_OPERATORS,
  registeredAt: ORDER_OPERATORS,
  runningTasksCount: ORDER_OPERATORS,
};

const readSubject = (scanner: QueryScanner): QuerySubject => {
  const start = scanner.position;
  const word = scanner.readWhile((char) => SUBJECT_CHAR.test(char));
  if (word === '') scanner.fail(`expected a subject but found ${scanner.describeNext()}`);
  if (word.toLowerCase().startsWith('attribute:')) {
    const name = word.slice('attribute:'.length);
    if (name === '') scanner.fail("expected an attribute name after 'attribute:'", start);
    return { kind: 'attribute', name };
  }
  return FIXED_SUBJECTS[word.toLowerCase()] ?? scanner.fail(`unknown subject '${word}'`, start);
};

const readOperator = (scanner: QueryScanner): QueryOperator => {
  scanner.skipSpace();
  for (const symbol of SYMBOL_OPERATORS) if (scanner.consume(symbol)) return symbol;
  if (scanner.consumeKeyword('!exists')) return '!exists';
  if (scanner.consumeKeyword('!in')) return '!in';
  const start = scanner.position;
  const word = scanner.readWhile((char) => /[A-Za-z_]/.test(char)).toLowerCase();
  const operator = Object.hasOwn(WORD_OPERATORS, word) ? WORD_OPERATORS[word] : undefined;
  if (operator === undefined || /[A-Za-z0-9]/.test(scanner.peek())) {
    scanner.position = start;
    return scanner.fail(`expected an operator but found ${scanner.describeNext()}`);
  }
  return operator;
};

const compilePattern = (scanner: QueryScanner, source: string, at: number): RegExp => {
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    return scanner.fail(`invalid regular expression '${source}'`, at);
  }
};

const convertValue = (scanner: QueryScanner, subject: QuerySubject, text: string, at: number): QueryValue => {
  if (subject.kind === 'registeredAt') {
    return parseQueryDate(text) ?? scanner.fail(`'${text}' is not a date such as 2018-06-18T22:28:28Z`, at);
  }
  if (subject.kind === 'runningTasksCount') {
    if (!/^\d+$/.test(text)) scanner.fail(`'${text}' is not a task count`, at);
    return Number(text);
  }
  return subject.kind === 'agentConnected' ? text.toLowerCase() : text;
};

export const readComparison = (scanner: QueryScanner): QueryComparison => {
  const subject = readSubject(scanner);
  const operatorAt = (scanner.skipSpace(), scanner.position);
  const operator = readOperator(scanner);
  if (ALLOWED[subject.kind]?.includes(operator) === false) {
    scanner.fail(`operator '${operator}' cannot be used with ${subject.kind}`, operatorAt);
  }
  if (operator === 'exists' || operator === '!exists') {
    return { kind: 'comparison', subject, operator, values: [] };
  }
  scanner.skipSpace();
  const argumentAt = scanner.position;
  if (operator === 'in' || operator === '!in') {
    const values = readArgumentList(scanner).map((text) => convertValue(scanner, subject, text, argumentAt));
    return { kind: 'comparison', subject, operator, values };
  }
  const text = readArgument(scanner);
  if (operator === '=~' || operator === '!~') {
    const pattern = compilePattern(scanner, text, argumentAt);
    return { kind: 'comparison', subject, operator, values: [text], pattern };
  }
  return {
    kind: 'comparison',
    subject,
    operator,
    values: [convertValue(scanner, subject, text, argumentAt)],
  };
};
