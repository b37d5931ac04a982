/**
 * The AlarmRule of a composite alarm, parsed and evaluated (pure):
 *
 *   rule   := or
 *   or     := and ( OR and )*
 *   and    := not ( AND not )*
 *   not    := NOT not | '(' rule ')' | TRUE | FALSE | STATE '(' name ')'
 *   STATE  := ALARM | OK | INSUFFICIENT_DATA
 *   name   := an alarm name or ARN, bare (up to the closing parenthesis) or in double quotes
 *
 * Keywords are upper case, as CloudWatch requires. An alarm the rule names that does not exist
 * (any more) is in no state, so STATE(name) is false for it.
 */
import type { AlarmStateValue } from './alarm-record.js';

export type RuleNode =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'state'; readonly state: AlarmStateValue; readonly alarm: string }
  | { readonly kind: 'not'; readonly operand: RuleNode }
  | { readonly kind: 'and' | 'or'; readonly left: RuleNode; readonly right: RuleNode };

export class RuleSyntaxError extends Error {}

export const MAX_RULE_LENGTH = 10240;
const STATES: readonly AlarmStateValue[] = ['INSUFFICIENT_DATA', 'ALARM', 'OK'];

class RuleParser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): RuleNode {
    const node = this.or();
    this.space();
    if (this.at < this.text.length) this.fail(`unexpected '${this.text.slice(this.at, this.at + 10)}'`);
    return node;
  }

  private fail(what: string): never {
    throw new RuleSyntaxError(`${what} at position ${this.at + 1}`);
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at += 1;
  }

  /** Consumes `word` when it comes next as a whole word. */
  private word(word: string): boolean {
    this.space();
    if (!this.text.startsWith(word, this.at)) return false;
    const after = this.text[this.at + word.length];
    if (after !== undefined && /[A-Za-z0-9_]/.test(after)) return false;
    this.at += word.length;
    return true;
  }

  private or(): RuleNode {
    let left = this.and();
    while (this.word('OR')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): RuleNode {
    let left = this.not();
    while (this.word('AND')) left = { kind: 'and', left, right: this.not() };
    return left;
  }

  private not(): RuleNode {
    if (this.word('NOT')) return { kind: 'not', operand: this.not() };
    this.space();
    if (this.text[this.at] === '(') {
      this.at += 1;
      const inner = this.or();
      this.space();
      if (this.text[this.at] !== ')') this.fail("expected ')'");
      this.at += 1;
      return inner;
    }
    if (this.word('TRUE')) return { kind: 'const', value: true };
    if (this.word('FALSE')) return { kind: 'const', value: false };
    for (const state of STATES) {
      this.space();
      if (this.text.startsWith(`${state}(`, this.at) || this.text.startsWith(`${state} (`, this.at)) {
        this.word(state);
        this.space();
        this.at += 1;
        return { kind: 'state', state, alarm: this.name() };
      }
    }
    this.fail('expected ALARM(name), OK(name), INSUFFICIENT_DATA(name), TRUE, FALSE, NOT or (');
  }

  private name(): string {
    this.space();
    let name: string;
    if (this.text[this.at] === '"') {
      const end = this.text.indexOf('"', this.at + 1);
      if (end < 0) this.fail('unterminated quoted alarm name');
      name = this.text.slice(this.at + 1, end);
      this.at = end + 1;
      this.space();
    } else {
      const end = this.text.indexOf(')', this.at);
      if (end < 0) this.fail("expected ')'");
      name = this.text.slice(this.at, end).trim();
      this.at = end;
    }
    if (this.text[this.at] !== ')') this.fail("expected ')'");
    this.at += 1;
    if (name === '') this.fail('empty alarm name');
    return name;
  }
}

export const parseAlarmRule = (text: string): RuleNode => new RuleParser(text).parse();

/** The alarm names (or ARNs) a rule refers to, each once, in order of appearance. */
export const ruleAlarms = (node: RuleNode): string[] => {
  const out: string[] = [];
  const walk = (n: RuleNode): void => {
    if (n.kind === 'state') {
      if (!out.includes(n.alarm)) out.push(n.alarm);
    } else if (n.kind === 'not') walk(n.operand);
    else if (n.kind === 'and' || n.kind === 'or') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return out;
};

/** The rule's truth, given each named alarm's state (undefined: no such alarm). */
export const evaluateRule = (
  node: RuleNode,
  stateOf: (alarm: string) => AlarmStateValue | undefined,
): boolean => {
  switch (node.kind) {
    case 'const':
      return node.value;
    case 'state':
      return stateOf(node.alarm) === node.state;
    case 'not':
      return !evaluateRule(node.operand, stateOf);
    case 'and':
      return evaluateRule(node.left, stateOf) && evaluateRule(node.right, stateOf);
    case 'or':
      return evaluateRule(node.left, stateOf) || evaluateRule(node.right, stateOf);
  }
};
