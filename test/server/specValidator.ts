/**
 * Validates POST /responses bodies against the request schema of the vendor's responses.yaml (and the
 * standalone checks' bodies against safety.yaml),
 * plus the constraints the spec states only in words (ranges, allowed values).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { SAFETY_PATHS, type SafetyPath } from './behaviours';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SPEC_DIR = fileURLToPath(new URL('./spec/', import.meta.url));

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: Json | undefined, key: string): Json | undefined {
  if (Array.isArray(node)) return /^\d+$/.test(key) ? node[Number(key)] : undefined;
  return isObject(node) ? node[key] : undefined;
}

function dig(node: Json | undefined, ...keys: string[]): Json | undefined {
  return keys.reduce<Json | undefined>((n, k) => child(n, k), node);
}

const REQUEST_BODY = ['paths', '/responses', 'post', 'requestBody', 'content', 'application/json'];

/** Reads a spec file by name, e.g. "responses.yaml". */
export function loadSpec(fileName: string): JsonObject {
  const doc: unknown = parse(readFileSync(SPEC_DIR + fileName, 'utf8'));
  if (!isObject(doc)) throw new Error(`${fileName} is not a YAML mapping`);
  return doc;
}

/**
 * Irons out the spec's YAML quirks so ajv can compile it: keys with an empty value (`type:` and
 * `description:` with nothing after them) are dropped, `items` written as a list becomes its first
 * element. OpenAPI-only keywords (`in`, `bearerFormat`, `example`) are left for `strict: false` to ignore.
 */
export function normaliseSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(normaliseSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === null) continue;
    const fixed = key === 'items' && Array.isArray(value) ? (value[0] ?? {}) : value;
    out[key] = normaliseSchema(fixed);
  }
  return out;
}

/** Input item types: the spec lists `type` ("The type of input item") and the tool-call fields on items. */
export const INPUT_ITEM_TYPES = ['message', 'function_call', 'function_call_output'] as const;

/**
 * Errata: where the spec's own request examples contradict its schema, accept what the example sends.
 * - "Image Input" sends `image_url` as a data-URL string although the schema says `type: object`.
 * - An input item lists `type`, `call_id`, `name`, `arguments` and `output` (items "output by the
 *   model"), yet requires `role` and `content` of every item. A `function_call` item needs `call_id`,
 *   `name` and `arguments` instead, a `function_call_output` item `call_id` and `output` (as OpenAI's
 *   API takes them); a role item needs `role` and `content`, with or without `"type": "message"`.
 */
function applyErrata(schema: Json): void {
  const item = dig(schema, 'properties', 'input', 'oneOf', '1', 'items');
  const content = dig(item, 'properties', 'content');
  const imageUrl = dig(content, 'oneOf', '1', 'items', 'properties', 'image_url');
  if (!isObject(imageUrl)) throw new Error('responses.yaml: input content image_url not found (errata out of date)');
  imageUrl['type'] = ['object', 'string'];
  if (!isObject(item) || !Array.isArray(item['required'])) throw new Error('responses.yaml: input item "required" not found (errata out of date)');
  const roleRequired = item['required'];
  delete item['required'];
  const ofType = (type: string): Json => ({ properties: { type: { const: type } }, required: ['type'] });
  item['if'] = ofType('function_call');
  item['then'] = { required: ['call_id', 'name', 'arguments'] };
  item['else'] = { if: ofType('function_call_output'), then: { required: ['call_id', 'output'] }, else: { required: roleRequired } };
}

/** Each function_call_output answers a function_call item earlier in the same input (by call_id). */
function toolOutputsAnswerCalls(input: Json[]): string | undefined {
  const calls = new Set<string>();
  for (const [i, item] of input.entries()) {
    const type = child(item, 'type');
    const callId = child(item, 'call_id');
    if (type === 'function_call' && typeof callId === 'string') calls.add(callId);
    if (type === 'function_call_output' && (typeof callId !== 'string' || !calls.has(callId))) {
      return `input[${i}].call_id ${JSON.stringify(callId)} answers no function_call item before it`;
    }
  }
  return undefined;
}

export function responsesRequestSchema(): Json {
  const spec = loadSpec('responses.yaml');
  const raw = dig(spec, ...REQUEST_BODY, 'schema');
  if (raw === undefined) throw new Error('responses.yaml has no POST /responses request schema');
  const schema = normaliseSchema(raw);
  applyErrata(schema);
  return schema;
}

/** The request examples of responses.yaml, by name (used to prove the validator accepts them). */
export function responsesRequestExamples(): Record<string, Json> {
  const spec = loadSpec('responses.yaml');
  const examples = dig(spec, ...REQUEST_BODY, 'examples');
  const out: Record<string, Json> = {};
  if (isObject(examples)) for (const [name, ex] of Object.entries(examples)) out[name] = child(ex, 'value') ?? null;
  return out;
}

/** "/input/0/content" → "input[0].content". */
function fieldName(instancePath: string, extra?: string): string {
  const segments = instancePath.split('/').filter((s) => s !== '');
  if (extra !== undefined) segments.push(extra);
  const name = segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return name || 'body';
}

function depth(e: ErrorObject): number {
  return e.instancePath.split('/').length;
}

function describeAjvErrors(errors: ErrorObject[]): string {
  const required = errors.find((e) => e.keyword === 'required');
  if (required) return `required fields are missing: ${fieldName(required.instancePath, String(required.params['missingProperty']))}`;
  const oneOf = errors.find((e) => e.keyword === 'oneOf');
  const deepest = errors.filter((e) => e.keyword !== 'oneOf').sort((a, b) => depth(b) - depth(a))[0];
  if (oneOf && (deepest === undefined || depth(deepest) <= depth(oneOf))) {
    const types = errors.filter((e) => e.keyword === 'type' && e.instancePath === oneOf.instancePath).map((e) => String(e.params['type']));
    return `${fieldName(oneOf.instancePath)} must be ${types.length > 0 ? types.join(' or ') : 'one of the documented forms'}`;
  }
  return deepest ? `${fieldName(deepest.instancePath)} ${deepest.message ?? 'is invalid'}` : 'invalid request body';
}

function oneOfCheck(field: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return undefined;
  return `${field} must be one of ${allowed.map((a) => `'${a}'`).join(', ')} (got ${JSON.stringify(value)})`;
}

function rangeCheck(field: string, value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'number' || (value >= min && value <= max)) return undefined;
  return `${field} must be between ${min.toFixed(1)} and ${max.toFixed(1)} (got ${value})`;
}

/** The constraints responses.yaml states in its descriptions rather than in schema keywords. */
function wordedConstraints(body: JsonObject): string | undefined {
  const checks: Array<string | undefined> = [
    rangeCheck('temperature', body['temperature'], 0, 2),
    rangeCheck('top_p', body['top_p'], 0, 1),
    oneOfCheck('safeguards.pii', child(body['safeguards'], 'pii'), ['block', 'replace']),
    oneOfCheck('safeguards.pii_replace_method', child(body['safeguards'], 'pii_replace_method'), ['random', 'fake', 'category', 'mask']),
    oneOfCheck('reasoning.effort', child(body['reasoning'], 'effort'), ['low', 'medium', 'high']),
    typeof body['tool_choice'] === 'string' ? oneOfCheck('tool_choice', body['tool_choice'], ['none', 'auto', 'required']) : undefined,
  ];
  const input = body['input'];
  if (Array.isArray(input)) {
    input.forEach((item, i) => {
      const type = child(item, 'type');
      checks.push(oneOfCheck(`input[${i}].type`, type, INPUT_ITEM_TYPES));
      if (type === 'function_call_output' && typeof child(item, 'output') !== 'string') checks.push(`input[${i}].output must be string`);
      if (type === 'function_call' || type === 'function_call_output') return;
      checks.push(oneOfCheck(`input[${i}].role`, child(item, 'role'), ['user', 'assistant', 'system', 'developer']));
      const content = child(item, 'content');
      if (Array.isArray(content)) {
        content.forEach((part, j) =>
          checks.push(oneOfCheck(`input[${i}].content[${j}].type`, child(part, 'type'), ['input_text', 'output_text', 'input_image'])),
        );
      }
    });
    checks.push(toolOutputsAnswerCalls(input));
  }
  return checks.find((c) => c !== undefined);
}

export type RequestValidator = (body: unknown) => string | undefined;

/** Compiles the validator once; it returns undefined for a valid body, otherwise "<which field and why>". */
export function createResponsesValidator(): RequestValidator {
  const ajv = new Ajv({ strict: false, allErrors: false });
  const validate: ValidateFunction = ajv.compile(responsesRequestSchema() as object);
  return (body) => {
    if (!validate(body)) return describeAjvErrors(validate.errors ?? []);
    return wordedConstraints(body as JsonObject);
  };
}

/** The request schema of one check in safety.yaml. */
export function safetyRequestSchema(path: SafetyPath): Json {
  const raw = dig(loadSpec('safety.yaml'), 'paths', path, 'post', 'requestBody', 'content', 'application/json', 'schema');
  if (raw === undefined) throw new Error(`safety.yaml has no POST ${path} request schema`);
  return normaliseSchema(raw);
}

/** The request examples of every check in safety.yaml, as "<path> <name>" → body. */
export function safetyRequestExamples(): Record<string, Json> {
  const spec = loadSpec('safety.yaml');
  const out: Record<string, Json> = {};
  for (const path of SAFETY_PATHS) {
    const examples = dig(spec, 'paths', path, 'post', 'requestBody', 'content', 'application/json', 'examples');
    if (isObject(examples)) for (const [name, ex] of Object.entries(examples)) out[`${path} ${name}`] = child(ex, 'value') ?? null;
  }
  return out;
}

/** One validator per check; `replace_method`'s allowed values are stated only in words. */
export function createSafetyValidators(): Record<SafetyPath, RequestValidator> {
  const ajv = new Ajv({ strict: false, allErrors: false });
  const compile = (path: SafetyPath): RequestValidator => {
    const validate: ValidateFunction = ajv.compile(safetyRequestSchema(path) as object);
    return (body) => {
      if (!validate(body)) return describeAjvErrors(validate.errors ?? []);
      return path === '/PII' ? oneOfCheck('replace_method', (body as JsonObject)['replace_method'], ['random', 'fake', 'category', 'mask']) : undefined;
    };
  };
  return { '/PII': compile('/PII'), '/injection': compile('/injection'), '/toxicity': compile('/toxicity'), '/factuality': compile('/factuality') };
}
