/** AWS Security Token Service (2011-06-15, awsQuery): the request and response shapes, and the protocol model. */
export * from './sts-shapes.js';
export { STS_MODEL } from './sts-model.js';
