/** AWS Identity and Access Management (2010-05-08, awsQuery): the request and response shapes, and the protocol model. */
export * from './iam-shapes.js';
export { IAM_MODEL } from './iam-model.js';
