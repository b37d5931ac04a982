/** Application Auto Scaling (2016-02-06, awsJson1_1): the request and response shapes, and the protocol model. */
export * from './application-autoscaling-shapes.js';
export { APPLICATION_AUTOSCALING_MODEL } from './application-autoscaling-model.js';
