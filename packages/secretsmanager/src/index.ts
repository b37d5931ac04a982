/** @berth/secretsmanager — being written. */
export {};
