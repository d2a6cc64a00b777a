// The chat view's protocol: the webview can only ask for named things, with bounded values; what the
// extension sends always parses on the webview side.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ToHostSchema, ToWebviewSchema } from '../../src/webview/protocol/chat';
import { stateMessage } from '../../src/chat/viewModel';
import { type Conversation } from '../../src/chat/conversation';

describe('ToHost (webview → extension)', () => {
  it('accepts the messages the webview sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'send', text: 'Hello' },
      { type: 'stop' },
      { type: 'codeAction', turnId: 't1', block: 0, action: 'insert' },
      { type: 'openLink', url: 'https://example.com' },
      { type: 'changeSafeguard', turnId: 't1' },
    ]) {
      assert.equal(ToHostSchema.safeParse(message).success, true, JSON.stringify(message));
    }
  });

  it('refuses anything else: unknown types, a command to run, bad values, missing fields', () => {
    for (const message of [
      { type: 'runCommand', command: 'workbench.action.terminal.sendSequence' },
      { type: 'codeAction', turnId: 't1', block: -1, action: 'insert' },
      { type: 'codeAction', turnId: 't1', block: 0, action: 'delete' },
      { type: 'openLink', url: '' },
      { type: 'openLink', url: `https://x.example/${'a'.repeat(9000)}` },
      { type: 'send' },
      { type: 'retry', turnId: '' },
      'ready',
      null,
    ]) {
      assert.equal(ToHostSchema.safeParse(message).success, false, JSON.stringify(message));
    }
  });
});

describe('ToWebview (extension → webview)', () => {
  it('the state message built from a conversation parses, and carries no selection text', () => {
    const conversation: Conversation = {
      id: 'c1',
      title: 'Q',
      createdAt: 1,
      updatedAt: 2,
      turns: [
        {
          id: 't1',
          prompt: 'Q',
          attachments: [
            { kind: 'selection', id: 's1', file: 'src/a.ts', language: 'typescript', startLine: 1, endLine: 2, text: 'const SECRET_SELECTION = 1;' },
          ],
          status: 'error',
          startedAt: 1,
          safeguards: ['PII: block'],
          error: { kind: 'safeguard', message: 'Blocked by the PII safeguard', actions: [{ kind: 'openSetting', setting: 'predictionGuard.safeguards.pii' }] },
        },
      ],
    };
    const message = stateMessage({ conversations: [], current: conversation, running: undefined, attachments: [], model: 'm', safeguards: [] });
    const parsed = ToWebviewSchema.safeParse(message);
    assert.equal(parsed.success, true);
    const turn = message.current.turns[0];
    assert.deepEqual(turn?.attachments, [{ kind: 'selection', id: 's1', file: 'src/a.ts', language: 'typescript', startLine: 1, endLine: 2 }]);
    assert.deepEqual(turn?.error?.safeguard, { name: 'PII', setting: 'predictionGuard.safeguards.pii' });
    assert.deepEqual(turn?.error?.actions, [{ label: 'Open Setting' }]);
    assert.ok(!JSON.stringify(message).includes('SECRET_SELECTION'));
  });
});
