/**
 * The parsed form of a cluster query language expression (see parse-expression.ts for the grammar).
 */

export type QuerySubject =
  | { readonly kind: 'agentConnected' }
  | { readonly kind: 'agentVersion' }
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'ec2InstanceId' }
  | { readonly kind: 'registeredAt' }
  | { readonly kind: 'runningTasksCount' }
  | { readonly kind: 'taskGroup' };

/** Operators in their symbolic spelling; the word spellings (`equals`, `not_in`, ...) parse to these. */
export type QueryOperator =
  '==' | '!=' | '>' | '>=' | '<' | '<=' | 'exists' | '!exists' | 'in' | '!in' | '=~' | '!~';

/**
 * A scalar argument. `registeredAt` arguments are epoch seconds and `runningTasksCount`
 * arguments are numbers; all others are the literal text.
 */
export type QueryValue = string | number;

export interface QueryComparison {
  readonly kind: 'comparison';
  readonly subject: QuerySubject;
  readonly operator: QueryOperator;
  /** No values for `exists`/`!exists`, the list for `in`/`!in`, one value otherwise. */
  readonly values: readonly QueryValue[];
  /** For `=~`/`!~`: the pattern, anchored to match the whole value. */
  readonly pattern?: RegExp;
}

export type QueryExpression =
  | QueryComparison
  | { readonly kind: 'and'; readonly left: QueryExpression; readonly right: QueryExpression }
  | { readonly kind: 'or'; readonly left: QueryExpression; readonly right: QueryExpression }
  | { readonly kind: 'not'; readonly operand: QueryExpression };
