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

function l10nCallAt(call: ts.CallExpression, line: number): L10nCall {
  const first = call.arguments[0];
  return { line, message: first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined };
}

export function scanSource(fileName: string, text: string): { bypasses: Bypass[]; l10nCalls: L10nCall[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const bypasses: Bypass[] = [];
  const l10nCalls: L10nCall[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      l10nCalls.push(l10nCallAt(node, lineOf(node)));
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

// The webviews (media/): no window calls there, so texts are found where they reach the page, plus
// any literal that reads as prose wherever it is. A literal is reported when
// - it is put on the page: a child or user-facing attribute of `h(...)`, a `label`, `hint`, `title`,
//   `placeholder`, `ariaLabel`, `text`, `message`, `reason` or `error` property, an assignment to
//   `textContent`, `title`, `placeholder`, `status` or `alert`, an argument of `append`/`replaceWith`,
//   or the text or a user-facing attribute of a Lit `html` template (any letter counts there); or
// - it reads as prose (starts with a capital and a small letter, e.g. "Retry", or holds two words
//   that are not a class list), unless it is compared with (`=== 'Enter'`), a `case`, a type, an
//   import, a property name, or an argument of `l10n.t`, `new Error` or `console.*`.
// A single lowercase word outside those places ("ran" in a table of outcomes) is not told apart
// from an identifier: put such tables in functions whose values are `l10n.t(...)` calls.

/** Attributes (HTML) and properties (the panel's field specs, choices, option bags) the user reads or hears. */
const PAGE_TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
const PAGE_TEXT_PROPERTIES = new Set([...PAGE_TEXT_ATTRIBUTES, 'ariaLabel', 'hint', 'text', 'message', 'reason', 'error']);
const PAGE_TEXT_ASSIGNMENTS = new Set(['textContent', 'innerText', 'title', 'placeholder', 'status', 'alert']);

/** Words in page text: letters left once `${…}` markers and HTML entities are taken out. */
function hasPageWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/\uE000\d+\uE000/g, '').replace(/&[a-z]+;|&#\d+;/gi, ''));
}

/** "pg-button pg-primary", "codicon codicon-loading": CSS class lists, which have words but are no text. */
function isClassList(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return tokens.every((token) => /^-?[a-z][a-z0-9]*(-[a-z0-9]*)*$/.test(token)) && tokens.some((token) => token.includes('-'));
}

function readsAsProse(text: string): boolean {
  const bare = text.replace(/\$\([a-z0-9~-]+\)/gi, '');
  return /^\s*\p{Lu}\p{Ll}/u.test(bare) || (/\p{L}{2,}\s+\p{L}/u.test(bare) && !isClassList(bare));
}

/** A literal whose text is a value the code works with, never shown: compared, a case, a type, an import, a key, an error or a log line. */
function isCodeValue(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isCaseClause(parent) && parent.expression === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return true;
  if (ts.isBinaryExpression(parent)) {
    const kind = parent.operatorToken.kind;
    if (
      kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      kind === ts.SyntaxKind.EqualsEqualsToken ||
      kind === ts.SyntaxKind.ExclamationEqualsToken
    )
      return true;
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = parent.expression;
    if (ts.isNewExpression(parent) && ts.isIdentifier(callee) && /Error$/.test(callee.text)) return true;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console') return true;
    if (ts.isCallExpression(parent) && callee.kind === ts.SyntaxKind.ImportKeyword) return true;
    if (isL10nCall(parent) && parent.arguments[0] === node) return true;
  }
  // The parts of a template literal belong to it: judged where the whole template stands.
  if (ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent)) return isCodeValue(ts.isTemplateSpan(parent) ? parent.parent : parent);
  return ts.isParenthesizedExpression(parent) || ts.isConditionalExpression(parent) ? isCodeValue(parent) : false;
}

function isHtmlTemplate(node: ts.Node): node is ts.TaggedTemplateExpression {
  return ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg');
}

/**
 * A Lit template's page text: the text between tags and user-facing attribute values written in it,
 * and the expressions (`${…}`) that stand in those places (their literals are page text too).
 */
function htmlTemplateTexts(template: ts.TemplateLiteral): { texts: string[]; textExpressions: ts.Expression[] } {
  const pieces = ts.isNoSubstitutionTemplateLiteral(template) ? [template.text] : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)];
  const expressions = ts.isNoSubstitutionTemplateLiteral(template) ? [] : template.templateSpans.map((s) => s.expression);
  const joined = pieces.map((piece, i) => (i === 0 ? piece : `\uE000${i - 1}\uE000${piece}`)).join('');
  const markers = (text: string): number[] => [...text.matchAll(/\uE000(\d+)\uE000/g)].map((m) => Number(m[1]));
  const texts: string[] = [];
  const shown: number[] = [];
  const outside = joined.replace(/<[^>]*>/g, (tag) => {
    for (const m of tag.matchAll(/([\w:@.?-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      if (!PAGE_TEXT_ATTRIBUTES.has(m[1]?.toLowerCase() ?? '')) continue;
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      if (hasPageWords(value)) texts.push(value.replace(/\uE000\d+\uE000/g, '…'));
      shown.push(...markers(value));
    }
    return '\uE001';
  });
  for (const text of outside.split('\uE001')) {
    if (hasPageWords(text)) texts.push(text.replace(/\uE000\d+\uE000/g, '…').trim());
    shown.push(...markers(text));
  }
  return { texts, textExpressions: shown.flatMap((i) => (expressions[i] ? [expressions[i]] : [])) };
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

export function scanWebviewSource(fileName: string, text: string): { bypasses: Bypass[]; l10nCalls: L10nCall[] } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = new Map<string, Bypass>();
  const l10nCalls: L10nCall[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const report = (node: ts.Node, call: string, texts: readonly string[]): void => {
    for (const t of texts) {
      const bypass = { line: lineOf(node), call, text: t };
      found.set(`${bypass.line}\uE000${t}`, found.get(`${bypass.line}\uE000${t}`) ?? bypass);
    }
  };
  /** Literal words in an expression put on the page (any word counts). */
  const pageText = (node: ts.Expression, where: string): void => report(node, where, literalWords(node));
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) l10nCalls.push(l10nCallAt(node, lineOf(node)));
    if (isHtmlTemplate(node)) {
      const { texts, textExpressions } = htmlTemplateTexts(node.template);
      report(node, 'html', texts);
      for (const expression of textExpressions) pageText(expression, 'html');
      // Its own literal pieces are judged above; the expressions inside are visited as code.
      if (!ts.isNoSubstitutionTemplateLiteral(node.template)) for (const span of node.template.templateSpans) visit(span.expression);
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (name === 'h') {
        const [, attrs, ...children] = node.arguments;
        if (attrs && ts.isObjectLiteralExpression(attrs)) {
          for (const p of attrs.properties) {
            if (ts.isPropertyAssignment(p) && PAGE_TEXT_ATTRIBUTES.has(propertyName(p.name) ?? '')) pageText(p.initializer, 'h()');
          }
        }
        for (const child of children) pageText(child, 'h()');
      } else if ((name === 'append' || name === 'replaceWith' || name === 'prepend') && ts.isPropertyAccessExpression(callee)) {
        for (const arg of node.arguments) pageText(arg, name);
      } else if (name === 'setAttribute' && node.arguments[0] && ts.isStringLiteral(node.arguments[0]) && PAGE_TEXT_ATTRIBUTES.has(node.arguments[0].text)) {
        if (node.arguments[1]) pageText(node.arguments[1], 'setAttribute');
      }
    } else if (ts.isPropertyAssignment(node) && PAGE_TEXT_PROPERTIES.has(propertyName(node.name) ?? '')) {
      pageText(node.initializer, propertyName(node.name) ?? '');
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      PAGE_TEXT_ASSIGNMENTS.has(node.left.name.text)
    ) {
      pageText(node.right, `.${node.left.name.text} =`);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && readsAsProse(node.text) && !isCodeValue(node)) {
      report(node, 'prose', [node.text]);
    } else if (ts.isTemplateExpression(node) && !isCodeValue(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].filter(readsAsProse);
      report(node, 'prose', parts);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { bypasses: [...found.values()], l10nCalls };
}
