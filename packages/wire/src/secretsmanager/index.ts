/** AWS Secrets Manager (2017-10-17, awsJson1_1): the request and response shapes, and the protocol model. */
export * from './secretsmanager-shapes.js';
export { SECRETSMANAGER_MODEL } from './secretsmanager-model.js';
