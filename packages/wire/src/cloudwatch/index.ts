/** Amazon CloudWatch metrics (2010-08-01; rpcv2Cbor, JSON 1.0 and awsQuery): the request and response shapes, and the protocol model. */
export * from './cloudwatch-shapes.js';
export { CLOUDWATCH_MODEL } from './cloudwatch-model.js';
