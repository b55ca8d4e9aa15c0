import type { TerminalAuth } from './central/terminal-auth';

/** What every capability of the simulator shares: its clock and the terminals' authentication. */
export interface SimContext {
  now: () => number;
  auth: TerminalAuth;
}
