/** The tags of one ELBv2 resource (load balancer, listener, rule or target group). */

export interface TagRecord {
  readonly key: string;
  readonly value: string;
}

export interface TagsRecord {
  readonly resourceArn: string;
  readonly tags: readonly TagRecord[];
}
