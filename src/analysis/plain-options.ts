/** Keys of a scan's options that a worker gets otherwise (resolved) or that stay in this thread. */
const SCAN_KEYS = new Set(['ods', 'links', 'areas', 'shard', 'onProgress', 'signal', 'workers', 'sliceMillis']);

/**
 * The options a worker thread compiles and routes with, as plain data: every
 * option but the scan's own (resolved in this thread and sent apart) and the
 * callbacks and signal (which stay in this thread). Every other option is
 * kept, so an option added to CompileOptions or RouterOptions reaches the
 * workers without a change here.
 */
export function plainOptions<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => !SCAN_KEYS.has(key) && typeof value !== 'function' && !(value instanceof AbortSignal))) as T;
}
