/** AWS Systems Manager (2014-11-06, awsJson1_1): the request and response shapes, and the protocol model. */
export * from './ssm-shapes.js';
export { SSM_MODEL } from './ssm-model.js';
