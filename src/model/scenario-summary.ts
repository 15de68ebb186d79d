/** One field a scenario changed on one feature. */
export interface ScenarioChange {
  feature: string;
  /** Dotted path in the feature's properties, e.g. "status" or "checkpoint.waitHours.forward". */
  field: string;
  before: unknown;
  after: unknown;
  why?: string;
}

/** What a network carries about the scenario applied to it. */
export interface ScenarioSummary {
  name: string;
  year?: number;
  description: string;
  changes: ScenarioChange[];
  /** Ids of the features the scenario added. */
  added: string[];
}
