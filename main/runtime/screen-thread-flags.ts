/**
 * V8 flags for the process whose main thread answers the screens: Electron's main process and the browser host.
 * Both come from what held that thread during a first full sync on the project's 2-core machine, once the sync's
 * own threads ran at a lower priority (main/sync/thread-priority.ts):
 *
 * - `--single-threaded-gc`. V8 collects every isolate's garbage with helper threads that the whole process
 *   shares, at the process's priority. The sync's writer thread allocates fast (it parses a megabyte per page),
 *   so its collections kept those helpers busy on both cores at the main thread's priority, and the main thread
 *   waited for a core up to 15–18 ms at a time, as long as an idle process beside it did. With the flag, each
 *   isolate collects on its own thread: the writer's garbage costs the writer's (lower priority) time, and the
 *   longest wait fell to 6–9 ms with the sync's rate unchanged. The main isolate's own heap is small (tens of
 *   MB), and its collections stay incremental, in steps on the main thread.
 * - `--no-memory-reducer`. V8's memory reducer shrinks an idle heap: about 8 s after a full collection that grew
 *   the heap, while the thread allocates little, it runs up to three more full collections that compact the whole
 *   heap. The main thread is idle in just that way while its threads sync, and the first of those collections
 *   held it 27–28 ms in one piece (the browser host, 24 MB of heap). Without the reducer, V8 still collects
 *   whenever allocation asks for it; the heap only stays at its high-water mark instead of being shrunk while
 *   idle, which a kiosk running this one app has no use for.
 *
 * V8 reads both when it makes the heap, so they must be on the command line: `v8.setFlagsFromString` later
 * changes nothing. Startup is the same with or without them (startup_to_login_ms, alternating runs).
 */
export const SCREEN_THREAD_V8_FLAGS: readonly string[] = ['--single-threaded-gc', '--no-memory-reducer'];

/**
 * The same for Electron's binary, which takes V8 flags for its main process in one switch at launch (Chromium
 * hands the switch on to the renderer, whose heap is small too; Electron cannot run on the project's machine, so
 * that side is unmeasured).
 */
export const ELECTRON_JS_FLAGS = `--js-flags=${SCREEN_THREAD_V8_FLAGS.join(' ')}`;
