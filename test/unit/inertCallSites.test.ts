// Issue 20 item 1, every place: scans src/ for the calls that show text where VS Code renders
// `[text](command:…)` as a link (non-modal notifications, progress titles and messages, the status
// bar) and fails when a value in their message is neither a constant, nor built through `inert`,
// nor in ALLOWED below with the reason it cannot carry a link. Modal dialogs are skipped: they
// render no links (untrusted text goes in their `detail`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(__dirname, '../../src');
const SHOWING =
  /^(showInformationMessage|showWarningMessage|showErrorMessage|setStatusBarMessage|withProgress|withNotificationProgress|report|progress|warn|show)$/;

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
  'commands/runPrompt.ts': { names: 'prompt names, each through inert just above' },
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
  if (ts.isParenthesizedExpression(node) || ts.isSpreadElement(node) || ts.isAsExpression(node)) return dynamicParts(node.expression);
  if (ts.isTemplateExpression(node)) return node.templateSpans.flatMap((s) => dynamicParts(s.expression));
  if (ts.isConditionalExpression(node)) return [...dynamicParts(node.whenTrue), ...dynamicParts(node.whenFalse)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [...dynamicParts(node.left), ...dynamicParts(node.right)];
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return [];
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((p) => (ts.isPropertyAssignment(p) && ['title', 'message'].includes(p.name.getText()) ? dynamicParts(p.initializer) : []));
  }
  if (ts.isCallExpression(node)) {
    const name = calleeName(node);
    if (name === 'inert') return [];
    if (name === 't') return node.arguments.slice(1).flatMap(dynamicParts);
  }
  if (ts.isPropertyAccessExpression(node) && /^vscode\.ProgressLocation\./.test(node.getText())) return [];
  return [node];
}

function offending(): string[] {
  const found: string[] = [];
  for (const file of files(SRC)) {
    const name = relative(SRC, file).split('\\').join('/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && SHOWING.test(calleeName(node) ?? '') && !IS_LOG.test(node.expression.getText(source)) && !node.arguments.some(isModal)) {
        for (const part of node.arguments.flatMap(dynamicParts)) {
          const text = part.getText(source);
          if (ALLOWED[name]?.[text] === undefined) found.push(`${name}:${source.getLineAndCharacterOfPosition(part.getStart()).line + 1}: ${text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('every notification, progress and status bar text', () => {
  it('attack: shows values only as constants, through inert, or with a reason in ALLOWED', () => {
    assert.deepEqual(offending(), []);
  });
});
