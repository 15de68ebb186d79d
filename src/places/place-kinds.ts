/** The kinds of place a network holds (`kind` of a place feature; `networks/README.md`). */
export const PLACE_KINDS = ['city', 'station', 'checkpoint', 'port', 'lock', 'hub', 'junction'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
