import type { PageToApply } from '../db/sync-repo';

/** Messages between the sync engine and its writer thread (both ours, same build: not a trust boundary). */
export type WriterCommand = { op: 'beginFull' } | { op: 'applyPage'; page: PageToApply } | { op: 'close' };
export type WriterRequest = WriterCommand & { id: number };
export type WriterReply = { id: number; ok: true } | { id: number; ok: false; message: string };
