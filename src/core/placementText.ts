// The text an answer becomes at its destination.
import { extractCode } from './fencedCode';
import { reindent, withEol, type IndentTarget } from './indentation';
import { type Destination, type RunnableTask, TASKS } from './tasks';
import { type Placement } from '../config/settingsSchema';

export function destinationFor(task: RunnableTask, placement: Placement): Destination {
  return placement === 'auto' ? TASKS[task].autoDestination : placement;
}

/** How the line holding the selection's start is indented, and whether the selection starts past it. */
export function indentTargetFor(lineText: string, startCharacter: number): IndentTarget {
  const lineIndent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  if (startCharacter === 0) return { baseIndent: lineIndent, firstLineIndented: false };
  const before = lineText.slice(0, startCharacter);
  if (/^[ \t]*$/.test(before)) return { baseIndent: before, firstLineIndented: true };
  return { baseIndent: lineIndent, firstLineIndented: true };
}

export interface InEditorTarget {
  readonly indent: IndentTarget;
  readonly eol: '\n' | '\r\n';
  /** The replaced text ended with a line break: keep one at the end. */
  readonly endsWithNewline: boolean;
}

/** The code to write into the document for a code-producing task. */
export function editText(answer: string, answerIsCode: boolean, target: InEditorTarget): string {
  const code = answerIsCode ? extractCode(answer).code : answer.trim();
  let text = reindent(code, target.indent);
  if (target.endsWithNewline) text += '\n';
  return withEol(text, target.eol);
}

/** The text of a new document: code tasks get their code, prose tasks their Markdown answer. */
export function documentText(answer: string, answerIsCode: boolean): string {
  return answerIsCode ? `${extractCode(answer).code}\n` : `${answer.trim()}\n`;
}
