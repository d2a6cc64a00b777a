// The client-level fault list: every network fault and hostile answer of issue 5, and the streaming
// and OpenAI-compatible server faults of issue 14, that the PredictionGuardClient itself must survive,
// run against real loopback servers (harness.ts).
import { HOSTILE_FAULTS } from './hostile';
import { HTTP_FAULTS } from './http';
import { NETWORK_FAULTS } from './network';
import { STREAM_FAULTS } from './streaming';
import type { Fault, FaultResult } from './types';

export { createRig, runFault, SENTINEL_TOKEN, type FaultRig } from './harness';
export type { Fault, FaultContext, FaultResult, Injection, Outcome } from './types';

export const CLIENT_FAULTS: readonly Fault[] = [...HTTP_FAULTS, ...NETWORK_FAULTS, ...HOSTILE_FAULTS, ...STREAM_FAULTS];

/** The JSON summary of a run (the shape the extension-level suite shares). */
export interface FaultSummary {
  readonly injected: number;
  readonly handled: number;
  readonly editsLost: 0;
  readonly tokenLeaks: number;
  readonly scriptsRun: 0;
  readonly remoteFetches: number;
  readonly elapsedMs: number;
  readonly faults: readonly FaultResult[];
}

export function summarise(results: readonly FaultResult[], elapsedMs: number): FaultSummary {
  return {
    injected: results.reduce((n, r) => n + r.injected, 0),
    handled: results.filter((r) => r.handled).length,
    editsLost: 0,
    tokenLeaks: results.reduce((n, r) => n + r.tokenLeaks, 0),
    scriptsRun: 0,
    remoteFetches: results.reduce((n, r) => n + r.remoteFetches, 0),
    elapsedMs,
    faults: results,
  };
}

export function summaryLine(s: FaultSummary): string {
  return `client faults: ${s.injected} injected, ${s.handled} handled, ${s.tokenLeaks} token leaks, ${s.remoteFetches} remote fetches`;
}
