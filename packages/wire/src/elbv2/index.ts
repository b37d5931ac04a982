/** Elastic Load Balancing v2 (2015-12-01, awsQuery): the request and response shapes, and the protocol model. */
export * from './elbv2-shapes.js';
export { ELBV2_MODEL } from './elbv2-model.js';
