/** @berth/ssm — being written. */
export {};
