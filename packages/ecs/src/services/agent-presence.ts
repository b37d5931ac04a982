/**
 * Which agents are connected: an agent is connected while it has a poll open or polled within
 * the heartbeat timeout. Kept in memory: after a server restart agents reconnect within a poll.
 */
export const AGENT_HEARTBEAT_TIMEOUT_MS = 60_000;

export class AgentPresence {
  private readonly lastSeen = new Map<string, number>();
  private readonly openPolls = new Map<string, number>();

  private readonly since: number;

  constructor(private readonly now: () => number) {
    this.since = now();
  }

  /** How long the agent has been silent (0 while connected); counted from server start if never heard. */
  silentForMs(instanceArn: string): number {
    if ((this.openPolls.get(instanceArn) ?? 0) > 0) return 0;
    return this.now() - (this.lastSeen.get(instanceArn) ?? this.since);
  }

  pollStarted(instanceArn: string): void {
    this.lastSeen.set(instanceArn, this.now());
    this.openPolls.set(instanceArn, (this.openPolls.get(instanceArn) ?? 0) + 1);
  }

  pollEnded(instanceArn: string): void {
    this.lastSeen.set(instanceArn, this.now());
    const open = (this.openPolls.get(instanceArn) ?? 1) - 1;
    if (open <= 0) this.openPolls.delete(instanceArn);
    else this.openPolls.set(instanceArn, open);
  }

  seen(instanceArn: string): void {
    this.lastSeen.set(instanceArn, this.now());
  }

  isConnected(instanceArn: string): boolean {
    if ((this.openPolls.get(instanceArn) ?? 0) > 0) return true;
    const seen = this.lastSeen.get(instanceArn);
    return seen !== undefined && this.now() - seen < AGENT_HEARTBEAT_TIMEOUT_MS;
  }
}
