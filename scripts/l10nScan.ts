// Finds, with the TypeScript compiler API, the user-facing texts in a source file: the messages and
// button labels of vscode.window.show*Message, the title/placeHolder/prompt of quick picks and input
// boxes, the title of withProgress, status bar messages, dialog labels. A text bypasses l10n when
// it holds words written in the code (a string or template literal) instead of coming from
// `l10n.t(...)` (vscode's or src/core/l10n.ts) or from a value computed elsewhere.
import ts from 'typescript';

/** The window functions whose arguments the user reads. */
const USER_TEXT_CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'showQuickPick',
  'showInputBox',
  'withProgress',
  'setStatusBarMessage',
  'showSaveDialog',
  'showOpenDialog',
]);
/** Option properties the user reads. */
const USER_TEXT_PROPERTIES = new Set(['title', 'placeHolder', 'prompt', 'detail', 'saveLabel', 'openLabel', 'message']);

export interface Bypass {
  readonly line: number;
  readonly call: string;
  readonly text: string;
}

export interface L10nCall {
  readonly line: number;
  /** The message, or undefined when the first argument is not a string literal (then it cannot be extracted). */
  readonly message: string | undefined;
}

/** Words in literal code text: letters left once codicons like `$(diff)` are taken out. */
function hasWords(literal: string): boolean {
  return /\p{L}/u.test(literal.replace(/\$\([a-z0-9~-]+\)/gi, ''));
}

/** The literal pieces of `node` that end up in the shown text (both branches of a condition, both sides of `+`). */
function literalWords(node: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return literalWords(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text) ? [node.text] : [];
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].filter(hasWords);
    return [...parts, ...node.templateSpans.flatMap((s) => literalWords(s.expression))];
  }
  if (ts.isConditionalExpression(node)) return [...literalWords(node.whenTrue), ...literalWords(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.PlusToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
  ) {
    return [...literalWords(node.left), ...literalWords(node.right)];
  }
  return [];
}

/** `l10n.t(...)` (src/core/l10n.ts imported as `l10n`) or `vscode.l10n.t(...)`. */
function isL10nCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 't') return false;
  const owner = node.expression.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
}

export function scanSource(fileName: string, text: string): { bypasses: Bypass[]; l10nCalls: L10nCall[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const bypasses: Bypass[] = [];
  const l10nCalls: L10nCall[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      const first = node.arguments[0];
      l10nCalls.push({
        line: lineOf(node),
        message: first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined,
      });
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && USER_TEXT_CALLS.has(node.expression.name.text)) {
      const call = node.expression.name.text;
      for (const arg of node.arguments) {
        const texts = ts.isObjectLiteralExpression(arg)
          ? arg.properties.flatMap((p) =>
              ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && USER_TEXT_PROPERTIES.has(p.name.text) ? literalWords(p.initializer) : [],
            )
          : literalWords(arg);
        for (const t of texts) bypasses.push({ line: lineOf(arg), call, text: t });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { bypasses, l10nCalls };
}
