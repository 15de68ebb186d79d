/**
 * What one request may ask of the server: each bounds the work (searches,
 * cells, bytes) a request can make it do, so that no request slows the
 * others for long.
 */
export interface ServerLimits {
  /** Bytes in a request body (JSON); more is refused with 413 before it is parsed. */
  bodyBytes: number;
  /** Coordinates of one /route request (each pair is a search). */
  routeCoordinates: number;
  /** Coordinates of one /table request (sources × destinations cells). */
  tableCoordinates: number;
  /** Alternative routes of one /route request. */
  alternatives: number;
  /** Places one /nearest request lists. */
  nearestNumber: number;
  /** Milliseconds to receive a request, and for a table's searches (checked between its rows). */
  requestMillis: number;
  /** Milliseconds a job (POST /v1/jobs/…) may run before it is stopped. */
  jobMillis: number;
  /** Jobs running at once; one more is refused (LIMIT_EXCEEDED). */
  jobsRunning: number;
}

// osrm-routed's defaults are 500 route coordinates, 100 table coordinates, 3
// alternatives and 100 nearest; a 100 × 100 table on all modes takes about a second here.
export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 1 << 20,
  routeCoordinates: 100,
  tableCoordinates: 100,
  alternatives: 3,
  nearestNumber: 100,
  requestMillis: 10_000,
  jobMillis: 300_000,
  jobsRunning: 2,
};
