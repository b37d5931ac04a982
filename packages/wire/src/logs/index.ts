/** CloudWatch Logs (2014-03-28, awsJson1_1): the request and response shapes, and the protocol model. */
export * from './logs-shapes.js';
export { LOGS_MODEL } from './logs-model.js';
