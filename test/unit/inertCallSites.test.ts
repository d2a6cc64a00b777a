// Issue 20 item 1, every place: scans src/ for the calls that show text where VS Code renders
// `[text](command:…)` as a link (non-modal notifications, progress titles and messages, the status
// bar, Markdown tooltips and hovers) or `$(icon)` codicons (quick picks, input boxes, status bar
// text), and fails when a value shown there is neither a constant, nor built through `inert`, nor in
// ALLOWED below with the reason it cannot carry a link. Modal dialogs are skipped: they render no
// links (untrusted text goes in their `detail`). A `MarkdownString` is never `isTrusted` (that
// alone would let its links run commands): any `isTrusted` set in src/ fails, with no exception.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(__dirname, '../../src');
const SHOWING =
  /^(showInformationMessage|showWarningMessage|showErrorMessage|setStatusBarMessage|withProgress|withNotificationProgress|report|progress|warn|show|appendMarkdown|statusItem)$/;
/** Quick picks and input boxes: their items' and options' text fields are scanned (codicons render, links do not). */
const PICKERS = /^(showQuickPick|showInputBox|createQuickPick|createInputBox)$/;
const SHOWN_FIELDS = ['title', 'message', 'label', 'description', 'detail', 'prompt', 'placeHolder'];
/** `x.field = value` on a status bar item, quick pick, input box or tree item. */
const SHOWN_PROPS = /^(text|tooltip|title|placeholder|prompt|label|description|detail|message|items)$/;
/** `new X(text)`: Markdown (hovers, tooltips) or a tree item's label. */
const SHOWN_NEW = /^(MarkdownString|Hover|TreeItem)$/;

/** The output channel: plain text, no links (see test/unit/mcpRedaction.test.ts for what it must not hold). */
const IS_LOG = /\blog\.(warn|info|error|trace)$/;

/** Values that reach such a call and are the extension's own words, by file: `expression: reason`. */
const ALLOWED: Record<string, Record<string, string>> = {
  'ui/failureView.ts': {
    'failure.message': 'built by api/errors.ts, which shows server text through shownServerText (inert)',
    labels: 'button labels: the extension’s own action names',
  },
  'ui/progress.ts': { title: 'callers build it from constants (scanned at their call)', message: 'reports from the scanned callers' },
  'core/delayedProgress.ts': { finished: 'a promise, not text', text: 'reports from the scanned callers', message: 'reports from the scanned callers' },
  'tools/sessionLoop.ts': { problem: 'options.warn goes to the log (commands/runTask.ts, chat/chatController.ts)' },
  'commands/runTask.ts': { message: 'taskFlow.ts messages (scanned)', 'spec.progress': 'core/tasks.ts constants' },
  'session/mcpConsentPrompt.ts': {
    text: 'core/mcpConsent.ts consentQuestion: server labels, URLs and tool names through inert',
    allow: 'a button label',
    notInChat: 'a button label',
  },
  'commands/taskFlow.ts': {
    notice: 'core/mcpConsent.ts withheldNotice: a constant sentence',
    'incompleteWarning()': 'a constant sentence',
    'result.limit': 'tools/loop.ts limit text: function names through inert',
    'retryText(notice)': 'numbers and a fixed reason',
  },
  'safety/commands.ts': {
    title: 'constant check titles',
    'retryText(retry)': 'numbers and a fixed reason',
    summary: 'check summaries of numbers; PII types through inert (core/checkReport.ts)',
    note: 'a count',
    preview: 'a button label',
  },
  'safety/checkTarget.ts': { title: 'constant check titles' },
  'config/workspaceApproval.ts': { message: 'approvalPrompt: workspace values through inert (config/workspaceValues.ts)', allow: 'label', ignore: 'label' },
  'review/reviewManager.ts': {
    'describeFindings(findings)': 'names of Unicode characters from a fixed table',
    why: 'the extension’s own reason',
    'resolved.reason': 'the extension’s own reason',
    'again.reason': 'the extension’s own reason',
    reason: 'the extension’s own reason',
    accept: 'label',
    reject: 'label',
  },
  'chat/codeActions.ts': { what: 'a command title', whenChanged: 'the extension’s own text', 'state.reason': 'the extension’s own reason' },
  'editor/answerPlacer.ts': { fallbackReason: 'the extension’s own reason' },
  'ui/statusBar.ts': {
    icon: 'one of three codicon constants chosen just above',
    label: 'the constant l10n labels of the table just above',
    tooltip: 'a MarkdownString, not trusted, of constants by appendMarkdown; model, safeguards and server only by appendText (escaped)',
  },
  'review/register.ts': { text: 'statusItem(): its callers pass constants (scanned at their call)', tooltip: 'statusItem(): constants from its callers' },
  'session/session.ts': {
    'm.id':
      'quick pick label (plain text, no links; a `$(x)` in a server’s model id shows as an icon, cosmetic only, and the label is saved back as the model name, so it must stay unescaped)',
    'describeModel(m)': 'quick pick description: capability words from api/modelsSchema.ts',
    'm.description': 'quick pick detail: plain text with codicons, no links (the server’s own description of its model)',
  },
  'commands/runPrompt.ts': {
    names: 'prompt names, each through inert just above',
    'entry.name': 'quick pick label: plain text, no links (the user’s own prompt name from user settings; codicons are cosmetic)',
    'entry.prompt?.text': 'quick pick detail: plain text, no links (the user’s own prompt text)',
  },
  'secrets/mcpSecrets.ts': {
    'server.serverLabel': 'input box title: plain text, no links or Markdown (shown so the user sees which server the secret is bound to)',
    'server.serverUrl': 'input box title: plain text, no links (the URL the secret is bound to is shown as it is; the prompt gets it through inert)',
  },
  'tools/vscodeHooks.ts': {
    'call.name': 'input box title: plain text, no links (the function name the model called, checked against the user’s functions)',
  },
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function calleeName(node: ts.CallExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

const isModal = (arg: ts.Expression) =>
  ts.isObjectLiteralExpression(arg) &&
  arg.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'modal' && p.initializer.kind === ts.SyntaxKind.TrueKeyword);

/** The parts of `node` whose text is not a constant nor made inert. */
function dynamicParts(node: ts.Node): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return [];
  if (ts.isIdentifier(node) && node.text === 'undefined') return [];
  if (ts.isParenthesizedExpression(node) || ts.isSpreadElement(node) || ts.isAsExpression(node)) return dynamicParts(node.expression);
  if (ts.isTemplateExpression(node)) return node.templateSpans.flatMap((s) => dynamicParts(s.expression));
  if (ts.isConditionalExpression(node)) return [...dynamicParts(node.whenTrue), ...dynamicParts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [...dynamicParts(node.left), ...dynamicParts(node.right)];
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return [];
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((p) =>
      ts.isPropertyAssignment(p) && SHOWN_FIELDS.includes(p.name.getText())
        ? dynamicParts(p.initializer)
        : ts.isShorthandPropertyAssignment(p) && SHOWN_FIELDS.includes(p.name.text)
          ? [p.name]
          : [],
    );
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(dynamicParts);
  if (ts.isCallExpression(node)) {
    const name = calleeName(node);
    if (name === 'inert') return [];
    if (name === 't') return node.arguments.slice(1).flatMap(dynamicParts);
  }
  if (ts.isPropertyAccessExpression(node) && /^vscode\.ProgressLocation\./.test(node.getText())) return [];
  return [node];
}

/** The shown fields of every object literal under `node` (a picker's items, built by `.map` or not). */
function pickerParts(node: ts.Node, source: ts.SourceFile): ts.Node[] {
  if (ts.isIdentifier(node)) {
    const declared = declarationOf(node.text, source);
    return declared ? pickerParts(declared, source) : [];
  }
  if (ts.isObjectLiteralExpression(node)) return dynamicParts(node).concat(node.properties.flatMap((p) => pickerChildren(p, source)));
  return pickerChildren(node, source);
}

function pickerChildren(node: ts.Node, source: ts.SourceFile): ts.Node[] {
  const parts: ts.Node[] = [];
  ts.forEachChild(node, (child) => {
    if (!ts.isIdentifier(child)) parts.push(...pickerParts(child, source));
  });
  return parts;
}

function declarationOf(name: string, source: ts.SourceFile): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) found ??= node.initializer;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The shown parts of one node that is a showing call, a picker, an assignment of a shown field, or `new MarkdownString`. */
function shownParts(node: ts.Node, source: ts.SourceFile): ts.Node[] {
  if (ts.isCallExpression(node)) {
    const name = calleeName(node) ?? '';
    if (PICKERS.test(name)) return node.arguments.flatMap((a) => pickerParts(a, source));
    if (SHOWING.test(name) && !IS_LOG.test(node.expression.getText(source)) && !node.arguments.some(isModal)) return node.arguments.flatMap(dynamicParts);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
    if (node.left.name.text === 'isTrusted') return [node];
    if (SHOWN_PROPS.test(node.left.name.text)) return dynamicParts(node.right);
  }
  if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'isTrusted') return [node];
  if (ts.isNewExpression(node)) {
    const name = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : node.expression.getText(source);
    if (SHOWN_NEW.test(name)) return (node.arguments ?? []).slice(0, 1).flatMap(dynamicParts);
  }
  return [];
}

/** Where `code` (the file `name` under src/) shows a value that is not a constant, not inert and not in ALLOWED. */
export function offendingIn(name: string, code: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    for (const part of shownParts(node, source)) {
      const text = part.getText(source);
      const trusted = /^isTrusted\b|\.isTrusted\s*=/.test(text);
      if (trusted || ALLOWED[name]?.[text] === undefined) found.push(`${name}:${source.getLineAndCharacterOfPosition(part.getStart()).line + 1}: ${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function offending(): string[] {
  return files(SRC).flatMap((file) => offendingIn(relative(SRC, file).split('\\').join('/'), readFileSync(file, 'utf8')));
}

describe('every notification, progress and status bar text', () => {
  it('attack: shows values only as constants, through inert, or with a reason in ALLOWED', () => {
    assert.deepEqual(offending(), []);
  });
});

describe('the scanner itself', () => {
  const at = (code: string) => offendingIn('fixture.ts', code).map((f) => f.replace(/^fixture\.ts:\d+: /, ''));
  it('attack: finds a value in an input box prompt, which renders `[text](command:…)` as a link that runs', () => {
    assert.deepEqual(at('vscode.window.showInputBox({ title: t("x"), prompt: vscode.l10n.t("Arguments: {0}", call.arguments) });'), ['call.arguments']);
    assert.deepEqual(at('vscode.window.showInputBox({ prompt: vscode.l10n.t("Arguments: {0}", inert(call.arguments)) });'), []);
  });
  it('attack: finds quick pick items built by map or held in a variable, and status bar text and tooltips', () => {
    assert.deepEqual(at('const items = names.map((n) => ({ label: n.name, detail: n.text })); vscode.window.showQuickPick(items, { placeHolder: p });'), [
      'n.name',
      'n.text',
      'p',
    ]);
    assert.deepEqual(at('item.text = `$(shield) ${model}`; item.tooltip = server;'), ['model', 'server']);
  });
  it('attack: refuses every trusted MarkdownString, and Markdown built from a value', () => {
    assert.deepEqual(at('const md = new vscode.MarkdownString(); md.isTrusted = true;'), ['md.isTrusted = true']);
    assert.deepEqual(at('new vscode.MarkdownString(undefined, { isTrusted: { enabledCommands: [] } } as never);'), ['isTrusted: { enabledCommands: [] }']);
    assert.deepEqual(at('const md = new vscode.MarkdownString(text, true); md.appendMarkdown(`**${name}**`); md.appendText(name);'), ['text', 'name']);
  });
});
