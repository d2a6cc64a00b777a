// Issue 20 item 1: untrusted text shown in a notification, progress title, status bar or hover is
// made inert, so `[text](command:…)` never becomes a link that runs a command.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inert } from '../../src/core/inertText';
import { PredictionGuardError, shownServerText, streamFailureError } from '../../src/api/errors';
import { piiSummary } from '../../src/core/checkReport';
import { approvalPrompt, type WorkspaceValue } from '../../src/config/workspaceValues';

const ISSUE_EXAMPLE = '[Cancel](command:workbench.action.tasks.runTask?%22x%22)';
/** What VS Code's notifications (linkedText.ts) and Markdown turn into a link: `[text](target)` with nothing between. */
const LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(/;
const withoutLink = (text: string) => assert.doesNotMatch(text, LINK, text);

describe('inert', () => {
  it('attack: the issue example stays as text, with no link syntax left', () => {
    const shown = inert(ISSUE_EXAMPLE);
    withoutLink(shown);
    assert.equal(shown, '\\[Cancel\\]\\(command:workbench.action.tasks.runTask?%22x%22\\)');
  });

  it('attack: backticks, autolinks and HTML are escaped, and line breaks collapsed', () => {
    assert.equal(inert('a `b`\n<command:x>\r\n\nc'), 'a \\`b\\` \\<command:x\\> c');
  });

  it('attack: text that is already escaped (or escaped twice) still yields no link', () => {
    for (const text of ['\\[Cancel\\](command:x)', '\\\\[x](command:y)', inert(ISSUE_EXAMPLE)]) {
      withoutLink(inert(text));
      withoutLink(inert(inert(text)));
    }
  });

  it('leaves ordinary text alone', () => {
    assert.equal(inert('gpt-oss-120b'), 'gpt-oss-120b');
  });
});

describe('the message builders that show untrusted text', () => {
  it('attack: a server error text with a command link is shown inert', () => {
    withoutLink(shownServerText(`[Click](command:workbench.action.toggleZenMode) ${'x'.repeat(400)}`));
    withoutLink(shownServerText('[Click](command:workbench.action.toggleZenMode)'));
    const error = streamFailureError('[Click](command:x)', '[c](command:y)', 'https://api.example.com');
    assert.ok(error instanceof PredictionGuardError);
    withoutLink(error.message);
  });

  it('attack: PII types named by the server are shown inert', () => {
    withoutLink(piiSummary([{ type: ISSUE_EXAMPLE }]));
  });

  it('attack: workspace instructions, MCP server URLs and function names in the approval prompt are inert', () => {
    const values = [
      { key: 'instructions', value: ISSUE_EXAMPLE },
      {
        key: 'tools',
        value: [
          { type: 'mcp', server_label: '[a](command:x)', server_url: 'https://h/[a](command:x)' },
          { type: 'mcp', server_label: '[b](command:y)' },
          { type: 'function', name: '[f](command:z)' },
        ],
      },
    ] as unknown as WorkspaceValue[];
    const prompt = approvalPrompt(values);
    withoutLink(prompt);
    assert.match(prompt, /\(the gateway’s server\)/);
  });
});
