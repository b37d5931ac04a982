/**
 * Deployment alarms [G deployment-alarm-failure.md]: an IN_PROGRESS deployment fails when one of
 * the service's deployment alarms goes into ALARM. ECS fails a deployment when it detects that an
 * alarm *has gone into* the ALARM state, so an alarm already in ALARM when the deployment first
 * sees it does not fail it; it counts once it has left ALARM (and comes back). Pure: the alarm
 * states come in the snapshot, what the deployment has seen travels in its `alarms` field.
 */
import type { DeploymentState, ServiceSnapshot } from './service-types.js';

export interface AlarmWatchResult {
  /** The deployment with what it has seen of its alarms. */
  readonly deployment: DeploymentState;
  /** The alarms that fail it now (empty: none). */
  readonly triggered: readonly string[];
}

export const watchDeploymentAlarms = (
  snapshot: ServiceSnapshot,
  primary: DeploymentState,
): AlarmWatchResult => {
  const config = snapshot.service.deploymentAlarms;
  const states = snapshot.alarmStates;
  if (!config || !states || primary.rolloutState !== 'IN_PROGRESS')
    return { deployment: primary, triggered: [] };
  const inAlarm = config.alarmNames.filter((name) => states[name] === 'ALARM');
  const seen = primary.alarms;
  const alreadyInAlarm =
    seen === undefined ? inAlarm : seen.alreadyInAlarm.filter((n) => inAlarm.includes(n));
  const triggered = inAlarm.filter((n) => !alreadyInAlarm.includes(n));
  const alarms = { alreadyInAlarm, triggered: seen?.triggered ?? [] };
  const unchanged =
    seen !== undefined &&
    seen.alreadyInAlarm.length === alreadyInAlarm.length &&
    seen.alreadyInAlarm.every((n) => alreadyInAlarm.includes(n));
  return { deployment: unchanged ? primary : { ...primary, alarms }, triggered };
};
