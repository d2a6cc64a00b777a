// The chat's "Check factuality": what is sent (reference = question + code, text = answer), the badge
// states the webview is given, and the protocol messages that carry them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type * as z from 'zod/mini';
import { PredictionGuardError } from '../../src/api/errors';
import { type SafetyTransport } from '../../src/api/safety';
import { type Turn } from '../../src/chat/conversation';
import { readSettings } from '../../src/config/settingsSchema';
import { ChatFactuality } from '../../src/safety/chatFactuality';
import { ToHostSchema, TurnViewSchema, type FactualityView } from '../../src/webview/protocol/chat';

const settings = readSettings(() => undefined).settings;
const TURN: Turn = {
  id: 't1',
  prompt: 'Is this safe?',
  attachments: [{ kind: 'selection', id: 'a', file: 'a.py', language: 'python', startLine: 1, endLine: 1, text: 'eval(x)' }],
  status: 'done',
  startedAt: 0,
  safeguards: [],
  answer: { text: 'No: eval runs any code.', model: 'm', ms: 5, incomplete: false, toolCalls: [] },
};

/** A transport that records each call and answers with `answer()` (or throws what it returns as an Error). */
function transport(answer: (path: string) => unknown): SafetyTransport & { calls: Array<{ path: string; body: unknown }> } {
  const calls: Array<{ path: string; body: unknown }> = [];
  return {
    calls,
    async postJson<T>(path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T> {
      calls.push({ path, body });
      const value = answer(path);
      if (value instanceof Error) throw value;
      return schema.parse(value);
    },
  };
}

function checker(t: SafetyTransport | undefined): { checks: ChatFactuality; seen: Array<FactualityView | undefined> } {
  const seen: Array<FactualityView | undefined> = [];
  const log = { info: () => undefined, warn: () => undefined };
  const checks: ChatFactuality = new ChatFactuality({ connect: async () => (t ? { settings, client: t } : undefined), log }, () =>
    seen.push(checks.view(TURN.id)),
  );
  return { checks, seen };
}

describe('chat factuality', () => {
  it('sends the question and code as reference and the answer as text; the badge goes checking → score and word', async () => {
    const t = transport(() => ({ checks: [{ index: 0, score: 0.7879657745361328 }] }));
    const { checks, seen } = checker(t);
    await checks.check(TURN);
    assert.deepEqual(t.calls, [
      { path: '/factuality', body: { reference: 'Question: Is this safe?\n\nCode (a.py, lines 1–1):\neval(x)', text: 'No: eval runs any code.' } },
    ]);
    assert.deepEqual(seen, [{ status: 'checking' }, { status: 'done', score: 0.7879657745361328, level: 'high' }]);
  });

  it('shows the failure on the answer; no key given leaves no badge', async () => {
    const failing = checker(transport(() => new PredictionGuardError('auth', 'Prediction Guard refused the API key (403).', [{ kind: 'setApiKey' }])));
    await failing.checks.check(TURN);
    assert.deepEqual(failing.seen.at(-1), { status: 'error', message: 'Prediction Guard refused the API key (403).' });
    const noKey = checker(undefined);
    await noKey.checks.check(TURN);
    assert.deepEqual(noKey.seen, [{ status: 'checking' }, undefined]);
  });

  it('a turn without answer text is not sent', async () => {
    const t = transport(() => ({ checks: [{ score: 1 }] }));
    const { checks, seen } = checker(t);
    await checks.check({ ...TURN, answer: { ...TURN.answer!, text: '' } });
    assert.equal(t.calls.length, 0);
    assert.equal(seen.at(-1)?.status, 'error');
  });

  it('the protocol carries the request and the badge, and refuses a score outside 0–1', () => {
    assert.ok(ToHostSchema.safeParse({ type: 'checkFactuality', turnId: 't1' }).success);
    assert.ok(!ToHostSchema.safeParse({ type: 'checkFactuality' }).success);
    const view = { id: 't1', prompt: '', attachments: [], status: 'done', startedAt: 0, safeguards: [] };
    assert.ok(TurnViewSchema.safeParse({ ...view, factuality: { status: 'done', score: 0.42, level: 'medium' } }).success);
    assert.ok(!TurnViewSchema.safeParse({ ...view, factuality: { status: 'done', score: 4.2, level: 'medium' } }).success);
  });
});
