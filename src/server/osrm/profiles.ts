import { AlternativeRoutes } from '../../analysis/alternatives.js';
import type { Network } from '../../model/network.js';
import { withScenario } from '../../model/scenario.js';
import { MODES, type Mode } from '../../model/types.js';
import { Router } from '../../routing/router.js';
import { OsrmError } from './osrm-error.js';
import { PROFILES, type Profile } from './schemas.js';

const MODES_OF: Record<Profile, readonly Mode[]> = { road: ['road'], rail: ['rail'], river: ['river'], multimodal: MODES };

/**
 * One Router per OSRM profile (the fastest routes on its modes), compiled
 * when the server starts, so that no request pays a compile. The scenario is
 * applied once, before.
 */
export class ProfileRouters {
  /** The network with the scenario applied. */
  readonly network: Network;
  private readonly routers = new Map<Profile, Router>();
  private readonly alternatives = new Map<Profile, AlternativeRoutes>();

  constructor(network: Network, scenario?: string) {
    this.network = withScenario(network, scenario);
    // Long-lived: their tables run on contraction hierarchies, contracted on the first table (Router's tableSearch).
    for (const profile of PROFILES) this.routers.set(profile, new Router(this.network, { by: 'time', modes: MODES_OF[profile] }, true));
  }

  /** The router of a profile named in a URL; InvalidValue for any other name. */
  router(profile: string): Router {
    const router = this.routers.get(profile as Profile);
    if (!router) throw new OsrmError('InvalidValue', `profile: ${JSON.stringify(profile.slice(0, 40))} is not a profile; profiles are ${PROFILES.join(', ')}`);
    return router;
  }

  /** The alternative-route finder of a profile, built on first use (it indexes the compiled graph). */
  alternativesOf(profile: string): AlternativeRoutes {
    const router = this.router(profile);
    let found = this.alternatives.get(profile as Profile);
    if (!found) this.alternatives.set(profile as Profile, (found = new AlternativeRoutes(router.compiled)));
    return found;
  }
}
