/**
 * Task definitions, pure: RegisterTaskDefinition validation and normalization (the TaskDefinition
 * exactly as ECS returns it), task definition references, and ListTaskDefinitions ordering.
 *
 * Invariants: no I/O, no clock (time, revision and caller come in as arguments); every rejection
 * is an ApiError with ECS's code (ClientException for definition errors, InvalidParameterException
 * for malformed references and tags) and, where it is known, ECS's exact message.
 */
export { buildTaskDefinition, type BuildTaskDefinitionContext } from './build-task-definition.js';
export {
  parseTaskDefinitionReference,
  type ReferenceKind,
  type TaskDefinitionReference,
} from './task-definition-reference.js';
export { compareTaskDefinitionArns, type TaskDefinitionSortOrder } from './compare-task-definition-arns.js';
export { compatibilitiesOf, isFargateCompatible } from './compatibilities.js';
export { requiresAttributes } from './requires-attributes.js';
