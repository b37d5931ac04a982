/**
 * ListTaskDefinitions order [M ListTaskDefinitions.sort]: ASC lists families lexicographically and
 * revisions in ascending numeric order, so a family's newest revision comes last; DESC reverses
 * both.
 */
export type TaskDefinitionSortOrder = 'ASC' | 'DESC';

const familyAndRevision = (arn: string): readonly [string, number] => {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon < 0 ? [name, 0] : [name.slice(0, colon), Number(name.slice(colon + 1))];
};

/** A comparator for task definition ARNs (`…:task-definition/<family>:<revision>`). */
export const compareTaskDefinitionArns = (
  a: string,
  b: string,
  sort: TaskDefinitionSortOrder = 'ASC',
): number => {
  const [familyA, revisionA] = familyAndRevision(a);
  const [familyB, revisionB] = familyAndRevision(b);
  const ascending = familyA < familyB ? -1 : familyA > familyB ? 1 : revisionA - revisionB;
  return sort === 'DESC' ? -ascending : ascending;
};
