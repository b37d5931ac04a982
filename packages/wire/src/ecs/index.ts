/** ECS (2014-11-13, awsJson1_1): the request and response shapes, and the protocol model. */
export * from './ecs-shapes.js';
export { ECS_MODEL } from './ecs-model.js';
