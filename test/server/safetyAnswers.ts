/**
 * Builds 200 answers of the standalone checks (POST /PII, /injection, /toxicity, /factuality) in the
 * shapes safety.yaml shows. PII offsets are counted as the real (Python) server counts them: Unicode
 * code points into the prompt, `end` exclusive.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { PiiBehaviour, SafetyPath } from './behaviours';

type JsonObject = Record<string, unknown>;

export interface FoundEntity {
  start: number;
  end: number;
  type: string;
}

/** A scripted `find` names text that is not in the prompt: a mistake in the test, answered as 500. */
export class ScriptMismatch extends Error {}

/** Code-point offset of UTF-16 index `utf16` in `text` (what Python's str indices are). */
function codePointsBefore(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}

function locate(prompt: string, text: string, occurrence: number): number | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = prompt.indexOf(text, at + 1);
    if (at < 0) return undefined;
  }
  return at;
}

/** When nothing is scripted: e-mail addresses and US-style phone numbers, as the spec's example finds. */
const BUILT_IN_DETECTORS: ReadonlyArray<{ type: string; pattern: RegExp }> = [
  { type: 'EMAIL_ADDRESS', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { type: 'PHONE_NUMBER', pattern: /\b\d{3}-\d{3}-\d{4}\b/g },
];

export function findPii(prompt: string, behaviour: PiiBehaviour | undefined, ignored: readonly string[]): FoundEntity[] {
  const found: Array<{ at: number; length: number; type: string }> = [];
  if (behaviour) {
    for (const f of behaviour.find) {
      const at = locate(prompt, f.text, f.occurrence ?? 0);
      if (at === undefined) throw new ScriptMismatch(`stand-in: scripted PII ${JSON.stringify(f.text)} is not in the prompt`);
      found.push({ at, length: f.text.length, type: f.type });
    }
  } else {
    for (const { type, pattern } of BUILT_IN_DETECTORS) {
      for (const m of prompt.matchAll(pattern)) found.push({ at: m.index, length: m[0].length, type });
    }
  }
  return found
    .filter((f) => !ignored.includes(f.type))
    .sort((a, b) => a.at - b.at)
    .map((f) => ({ start: codePointsBefore(prompt, f.at), end: codePointsBefore(prompt, f.at + f.length), type: f.type }));
}

function replacement(entity: FoundEntity, method: string | undefined): string {
  switch (method) {
    case 'category':
      return `<${entity.type}>`;
    case 'random':
      return randomBytes(4).toString('hex');
    case 'fake':
      return entity.type === 'EMAIL_ADDRESS' ? 'jane.doe@example.org' : entity.type === 'PHONE_NUMBER' ? '555-010-0199' : 'Jane Doe';
    default:
      return '*';
  }
}

/** The prompt with each entity replaced (overlapping ones skipped), working in code points. */
export function replacePii(prompt: string, entities: readonly FoundEntity[], method: string | undefined): string {
  const points = Array.from(prompt);
  let out = '';
  let cursor = 0;
  for (const e of entities) {
    if (e.start < cursor) continue;
    out += points.slice(cursor, e.start).join('') + replacement(e, method);
    cursor = e.end;
  }
  return out + points.slice(cursor).join('');
}

function piiCheck(prompt: string, index: number, request: JsonObject, behaviour: PiiBehaviour | undefined): JsonObject {
  const ignored = Array.isArray(request['entity_list']) ? (request['entity_list'] as string[]) : [];
  const entities = findPii(prompt, behaviour, ignored);
  if (request['replace'] === true) {
    const method = typeof request['replace_method'] === 'string' ? request['replace_method'] : undefined;
    if (entities.length === 0 && behaviour?.replaced === undefined) return { index, prompt, status: 'success' };
    return { index, new_prompt: behaviour?.replaced ?? replacePii(prompt, entities, method), status: 'success' };
  }
  const list = behaviour?.list ?? 'pii_type_and_positions';
  if (entities.length === 0 || list === 'none') return { index, prompt, status: 'success' };
  return { index, [list]: entities, status: 'success' };
}

function prompts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value ?? '')];
}

export function piiAnswer(request: JsonObject, behaviour: PiiBehaviour | undefined): JsonObject {
  return {
    id: `pii-${randomBytes(16).toString('hex')}`,
    object: 'pii_check',
    created: Math.floor(Date.now() / 1000),
    checks: prompts(request['prompt']).map((p, i) => piiCheck(p, i, request, behaviour)),
  };
}

/** Built-in scores when nothing is scripted: obvious cases high, everything else low. */
function defaultScore(path: Exclude<SafetyPath, '/PII'>, text: string): number {
  switch (path) {
    case '/injection':
      return /ignore (all )?(previous|prior|above) instructions/i.test(text) ? 0.92 : 0.02;
    case '/toxicity':
      return /\b(hurt|hate|idiot|stupid)\b/i.test(text) ? 0.71 : 0.01;
    case '/factuality':
      return 0.79;
  }
}

export function scoreAnswer(path: Exclude<SafetyPath, '/PII'>, request: JsonObject, scripted: number | undefined): JsonObject {
  const created = Math.floor(Date.now() / 1000);
  switch (path) {
    case '/injection':
      return {
        id: `injection-${randomBytes(16).toString('hex')}`,
        object: 'injection_check',
        created,
        checks: prompts(request['prompt']).map((p, index) => ({ index, probability: scripted ?? defaultScore(path, p), status: 'success' })),
      };
    case '/toxicity':
      return {
        id: `toxi-${randomUUID()}`,
        object: 'toxicity.check',
        created,
        checks: [{ index: 0, score: scripted ?? defaultScore(path, String(request['text'])) }],
      };
    case '/factuality':
      return {
        id: `fact-${randomUUID()}`,
        object: 'factuality.check',
        created,
        checks: [{ index: 0, score: scripted ?? defaultScore(path, String(request['text'])) }],
      };
  }
}
