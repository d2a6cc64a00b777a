// What the safety checks say to the user: scores as a word and a number with two decimals
// ("Prompt injection likely: 0.92"), PII summaries, the size limit. Pure.
import { type PiiEntity } from '../api/safety';
import { inert } from './inertText';

/** A selection longer than this (in characters) is sent only after the user agrees. */
export const CHECK_SIZE_LIMIT = 20_000;

/** At or above this probability the selection gets a Warning diagnostic. */
export const INJECTION_WARNING_THRESHOLD = 0.5;

/** "0.92": clamped to 0–1, two decimals. */
export function formatScore(value: number): string {
  const clamped = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  return clamped.toFixed(2);
}

type Likelihood = 'likely' | 'possible' | 'unlikely';

function likelihood(value: number): Likelihood {
  if (value >= 0.5) return 'likely';
  if (value >= 0.2) return 'possible';
  return 'unlikely';
}

/** "Prompt injection likely: 0.92". */
export function injectionSummary(probability: number): string {
  return `Prompt injection ${likelihood(probability)}: ${formatScore(probability)}`;
}

/** "Toxic language unlikely: 0.01". */
export function toxicitySummary(score: number): string {
  return `Toxic language ${likelihood(score)}: ${formatScore(score)}`;
}

export type FactualityLevel = 'low' | 'medium' | 'high';

export function factualityLevel(score: number): FactualityLevel {
  if (score >= 0.7) return 'high';
  if (score >= 0.4) return 'medium';
  return 'low';
}

/** "Factuality high: 0.79". */
export function factualitySummary(score: number): string {
  return `Factuality ${factualityLevel(score)}: ${formatScore(score)}`;
}

/** "3 PII entities: EMAIL_ADDRESS, PHONE_NUMBER, URL" (each type once, in order of appearance). */
export function piiSummary(entities: readonly Pick<PiiEntity, 'type'>[]): string {
  if (entities.length === 0) return 'No PII found.';
  const types = [...new Set(entities.map((e) => inert(e.type)))];
  return `${entities.length} PII ${entities.length === 1 ? 'entity' : 'entities'}: ${types.join(', ')}`;
}

/** "PII: EMAIL_ADDRESS": the diagnostic's message. */
export function piiDiagnosticMessage(type: string): string {
  return `PII: ${type}`;
}

/** "48,213". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
