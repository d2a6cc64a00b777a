// Settings reach the server exactly, and only those the user set.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openScratch, runCommand, setSetting, selectLines, standIn, useBaseline, waitForRequests } from './helpers';

describe('settings', () => {
  beforeEach(async () => {
    await useBaseline();
    await standIn().reset();
  });
  afterEach(useBaseline);

  it('sends only model, input and stream (stream "auto") when nothing else is set; with stream "off", only model and input', async () => {
    const editor = await openScratch('const a = 1;\n');
    selectLines(editor, 0, 0);
    await runCommand('predictionGuard.explain');
    const body = (await standIn().lastRequest('/responses'))?.body as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['input', 'model', 'stream']);
    assert.equal(body['stream'], true);

    await setSetting('stream', 'off');
    const again = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preview: false });
    selectLines(again, 0, 0);
    await runCommand('predictionGuard.explain');
    const plain = (await standIn().lastRequest('/responses'))?.body as Record<string, unknown>;
    assert.deepEqual(Object.keys(plain).sort(), ['input', 'model']);
  });

  it('sends each parameter and safeguard the user set, by its API name', async () => {
    const set = setSetting;
    await set('temperature', 0.3);
    await set('topP', 0.9);
    await set('maxOutputTokens', 512);
    await set('instructions', 'Answer briefly.');
    await set('reasoningEffort', 'low');
    await set('safeguards.pii', 'replace');
    await set('safeguards.piiReplaceMethod', 'mask');
    await set('safeguards.entityList', ['URL']);
    await set('safeguards.blockPromptInjection', true);
    await set('safeguards.toxicity', true);
    const editor = await openScratch('const a = 1;\n');
    selectLines(editor, 0, 0);

    await runCommand('predictionGuard.explain');

    const body = (await standIn().lastRequest('/responses'))?.body as Record<string, unknown>;
    const { input: _input, ...rest } = body;
    assert.deepEqual(rest, {
      model: 'gpt-oss-120b',
      instructions: 'Answer briefly.',
      temperature: 0.3,
      top_p: 0.9,
      max_output_tokens: 512,
      reasoning: { effort: 'low' },
      safeguards: { pii: 'replace', pii_replace_method: 'mask', entity_list: ['URL'], block_prompt_injection: true, toxicity: true },
      stream: true,
    });
  });

  it('with no model set, offers the server’s chat models and saves the pick', async () => {
    await setSetting('model', '');
    const editor = await openScratch('const a = 1;\n');
    selectLines(editor, 0, 0);

    const pending = runCommand('predictionGuard.explain');
    await waitForRequests(1, '/models');
    // The quick pick opens once the list has arrived, which the extension host cannot observe: accept
    // the selected item (a no-op while no quick pick is open, each call a round trip to the
    // workbench) until the pick leads to the /responses request; that wait has the deadline.
    let picked = false;
    const responded = waitForRequests(1, '/responses').finally(() => (picked = true));
    while (!picked) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await responded;
    await pending;

    const requests = await standIn().requests();
    assert.equal(requests[0]?.path, '/models/chat-completion');
    const chosen = vscode.workspace.getConfiguration('predictionGuard').get<string>('model');
    assert.ok(chosen, 'the picked model was saved');
    assert.equal((requests[1]?.body as { model: string }).model, chosen);
  });
});

describe('workspace tools settings', () => {
  beforeEach(async () => {
    await useBaseline();
    await standIn().reset();
  });
  afterEach(async () => {
    await setSetting('workspaceTools', undefined);
    await setSetting('workspaceToolsExclude', undefined);
    await useBaseline();
  });

  it("the user's exclude list reaches the tools: a matching file is refused, its text never sent", async () => {
    // VS Code drops a setting named under another setting ("predictionGuard.workspaceTools.exclude" under
    // "predictionGuard.workspaceTools"): its default and the user's value must both arrive.
    const defaults = vscode.workspace.getConfiguration('predictionGuard').inspect<string[]>('workspaceToolsExclude')?.defaultValue;
    assert.ok(defaults?.includes('**/.env'), `the default exclude list did not arrive: ${JSON.stringify(defaults)}`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the suite runs in a workspace folder');
    const secret = 'DRAFT-SENTINEL-7c2d: the merger closes in March.';
    const draft = vscode.Uri.joinPath(folder, 'drafts', 'plan.txt');
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(`${secret}\n`));
    try {
      await setSetting('workspaceTools', 'allow');
      await setSetting('workspaceToolsExclude', ['**/drafts/**']);
      const editor = await openScratch('const plan = load();\n');
      selectLines(editor, 0, 0);
      const read = JSON.stringify({ path: 'drafts/plan.txt', start_line: null, end_line: null });
      await standIn().enqueue('/responses', { kind: 'functionCall', name: 'read_file', arguments: read });
      await standIn().enqueue('/responses', { kind: 'text', text: 'The plan could not be read.' });
      await runCommand('predictionGuard.ask', { question: 'What does the plan say?' });
      await waitForRequests(2, '/responses');
      const requests = (await standIn().requests()).filter((r) => r.path.startsWith('/responses'));
      const input = (requests[1]?.body as { input?: { type?: string; output?: string }[] } | undefined)?.input ?? [];
      const outputs = input.filter((item) => item.type === 'function_call_output').map((item) => String(item.output));
      assert.equal(outputs.length, 1, JSON.stringify(outputs));
      assert.match(outputs[0] ?? '', /excluded by predictionGuard\.workspaceToolsExclude/);
      assert.ok(!requests.some((r) => JSON.stringify(r.body).includes(secret)), "the excluded file's text was sent");
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'drafts'), { recursive: true });
    }
  });
});
