/** @berth/iam — being written. */
export {};
