/**
 * What the JSON and CBOR codecs need to write an error body from the model: the error's shape
 * (named by the code, or carrying it as `error.code`) and the member its message goes in.
 */
import type { ServiceModel } from '@berth/wire';

/** The error shape named by an ApiError's code, if the model has it. */
export const errorShapeOf = (model: ServiceModel | undefined, code: string): string | undefined => {
  if (!model) return undefined;
  if (model.shapes[code]?.type === 'structure') return code;
  return Object.entries(model.shapes).find(([, shape]) => shape.error?.code === code)?.[0];
};

/** `Message` when the error shape names only that spelling, else `message`. */
export const messageKeyOf = (model: ServiceModel | undefined, shapeName: string | undefined): string => {
  const members = shapeName ? model?.shapes[shapeName]?.members : undefined;
  return members && 'Message' in members && !('message' in members) ? 'Message' : 'message';
};

/**
 * The `__type` of a JSON or CBOR error: its code, except for an awsQueryCompatible API, whose
 * errors are named by their shape (`InvalidParameterValueException`) while the query code
 * (`InvalidParameterValue`) travels in the `x-amzn-query-error` header.
 */
export const errorTypeOf = (model: ServiceModel | undefined, code: string): string =>
  (model?.metadata.awsQueryCompatible ? errorShapeOf(model, code) : undefined) ?? code;

/** `x-amzn-query-error: <Code>;<Sender|Receiver>` for an awsQueryCompatible API, else nothing. */
export const queryErrorHeader = (
  model: ServiceModel | undefined,
  error: { readonly code: string; readonly fault: 'client' | 'server' },
): Record<string, string> =>
  model?.metadata.awsQueryCompatible
    ? { 'x-amzn-query-error': `${error.code};${error.fault === 'server' ? 'Receiver' : 'Sender'}` }
    : {};
