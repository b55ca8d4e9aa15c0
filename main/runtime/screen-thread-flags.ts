/**
 * V8 flags for the process whose main thread answers the screens: Electron's main process and the browser host.
 *
 * `--no-memory-reducer`. V8's memory reducer shrinks an idle heap: about 8 s after a full collection that grew
 * the heap, while the thread allocates little, it runs up to three more full collections that compact the whole
 * heap. The app's main thread is idle in just that way during a first full sync (the sync's threads do the work),
 * and the first of those collections then held it 27–28 ms in one piece (the browser host, 24 MB of heap, on the
 * project's 2-core machine): the longest stall of the sync, in every run. Without the reducer, V8 still
 * collects whenever allocation asks for it; the heap only stays at its high-water mark (tens of MB) instead of
 * being shrunk while idle, which a kiosk running this one app has no use for.
 *
 * V8 reads the flag when it makes the heap, so it must be on the command line: `v8.setFlagsFromString` later
 * changes nothing.
 */
export const SCREEN_THREAD_V8_FLAGS: readonly string[] = ['--no-memory-reducer'];

/** The same for Electron's binary, which takes V8 flags for its main process in one switch at launch. */
export const ELECTRON_JS_FLAGS = `--js-flags=${SCREEN_THREAD_V8_FLAGS.join(' ')}`;
