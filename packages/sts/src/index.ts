/** @berth/sts — being written. */
export {};
