import { ApiError } from '@berth/core';

/** `Code: message` of the ApiError `fn` throws, or 'none'. */
export const apiErrorOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
  }
};
