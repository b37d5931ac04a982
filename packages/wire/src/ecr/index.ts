/** Amazon ECR (2015-09-21, awsJson1_1): the request and response shapes, and the protocol model. */
export * from './ecr-shapes.js';
export { ECR_MODEL } from './ecr-model.js';
