/** Revisions of one family (task definitions and daemon task definitions alike). Pure. */
interface Revisioned {
  readonly definition: { readonly revision?: number; readonly status?: string };
}

/** The revision a new registration in the family gets: one past the highest, 1 for a new family. */
export const nextRevision = (revisions: readonly Revisioned[]): number =>
  revisions.reduce((max, r) => Math.max(max, r.definition.revision ?? 0), 0) + 1;

/** What a bare family names: its newest ACTIVE revision, if any. */
export const latestActive = <T extends Revisioned>(revisions: readonly T[]): T | undefined =>
  revisions
    .filter((r) => r.definition.status === 'ACTIVE')
    .reduce<T | undefined>(
      (best, r) => (best && (best.definition.revision ?? 0) >= (r.definition.revision ?? 0) ? best : r),
      undefined,
    );
