/**
 * renderHaproxyConfig: the whole HAProxy 2.6 configuration for a data-plane model — global and
 * defaults, one frontend per listener, one backend per target group. Pure and deterministic: the
 * same model and options give the same bytes (listeners and groups keep the model's order, which
 * the model's producer sorts), and every user string is escaped (see haproxy-quote.ts).
 */
import type { DataPlaneModel } from '../model/lb-model.js';
import { renderBackendSection } from './backend-section.js';
import { renderFrontendSection } from './frontend-section.js';
import { type HaproxyRenderOptions, renderDefaultsSection, renderGlobalSection } from './global-section.js';

const DEFAULT_COOKIE_KEY = 'berth-awsalb';

export const renderHaproxyConfig = (model: DataPlaneModel, options: HaproxyRenderOptions): string => {
  const sections: string[][] = [
    ['# Rendered by Berth from its ELBv2 state. Do not edit: the next render replaces it.'],
    renderGlobalSection(options),
    renderDefaultsSection(options),
  ];
  for (const loadBalancer of model.loadBalancers) {
    for (const listener of loadBalancer.listeners) {
      sections.push(renderFrontendSection(listener, loadBalancer.name, model.targetGroups));
    }
  }
  for (const group of model.targetGroups) {
    sections.push(renderBackendSection(group, options.dynamicCookieKey ?? DEFAULT_COOKIE_KEY));
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
};
