// The selection commands: what each asks the model and where its answer goes by default.
import { type MessageItem } from '../api/requestSchema';

export const TASK_IDS = ['ask', 'explain', 'improve', 'document', 'writeTests', 'fix'] as const;
export type TaskId = (typeof TASK_IDS)[number];

/** Where an answer goes: into the selection's place, or into a new document. */
export type Destination = 'replace' | 'insertBelow' | 'newDocument' | 'markdownBeside';

export interface TaskSpec {
  readonly title: string;
  /** Progress text: "Explaining the selection". */
  readonly progress: string;
  /** Where `auto` placement puts the answer. */
  readonly autoDestination: Destination;
  /** True when the answer is code to put in the file (fences are stripped), false for prose. */
  readonly answerIsCode: boolean;
}

export const TASKS: Readonly<Record<TaskId, TaskSpec>> = {
  ask: { title: 'Ask About Selection', progress: 'Answering your question', autoDestination: 'markdownBeside', answerIsCode: false },
  explain: { title: 'Explain Selection', progress: 'Explaining the selection', autoDestination: 'markdownBeside', answerIsCode: false },
  improve: { title: 'Improve Selection', progress: 'Improving the selection', autoDestination: 'replace', answerIsCode: true },
  document: { title: 'Add Documentation', progress: 'Documenting the selection', autoDestination: 'replace', answerIsCode: true },
  writeTests: { title: 'Write Tests', progress: 'Writing tests', autoDestination: 'newDocument', answerIsCode: true },
  fix: { title: 'Fix Selection', progress: 'Fixing the selection', autoDestination: 'replace', answerIsCode: true },
};

export interface Diagnostic {
  readonly line: number; // 1-based
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  readonly source?: string;
  readonly code?: string;
}

export interface SelectionContext {
  /** The file's name relative to the workspace, or its base name. */
  readonly fileName: string;
  /** VS Code language id (typescript, python…). */
  readonly languageId: string;
  readonly startLine: number; // 1-based
  readonly endLine: number; // 1-based
  readonly text: string;
  /** Problems the editor reports in the selection (used by Fix). */
  readonly diagnostics: readonly Diagnostic[];
}

const REPLY_WITH_CODE =
  'Reply with the complete replacement code only, in one fenced code block, with no explanation before or after it.';

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function codeBlock(ctx: SelectionContext): string {
  const f = fence(ctx.text);
  return `${f}${ctx.languageId}\n${ctx.text}\n${f}`;
}

function where(ctx: SelectionContext): string {
  const lines = ctx.startLine === ctx.endLine ? `line ${ctx.startLine}` : `lines ${ctx.startLine}–${ctx.endLine}`;
  return `\`${ctx.fileName}\` (${ctx.languageId}, ${lines})`;
}

function diagnosticsList(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'The editor reports no problems in it; look for bugs, and keep behaviour that is correct.';
  const items = diagnostics.map((d) => {
    const origin = [d.source, d.code].filter(Boolean).join(' ');
    return `- line ${d.line}, ${d.severity}${origin ? ` (${origin})` : ''}: ${d.message}`;
  });
  return `The editor reports these problems in it:\n${items.join('\n')}`;
}

/** The user message for a task. `question` is the user's own words, for Ask. */
export function taskPrompt(task: TaskId, ctx: SelectionContext, question?: string): string {
  const code = codeBlock(ctx);
  switch (task) {
    case 'ask':
      return `${question ?? ''}\n\nContext: the selected code from ${where(ctx)}:\n\n${code}`;
    case 'explain':
      return `Explain what this code from ${where(ctx)} does, how it works, and anything surprising in it. Answer in Markdown.\n\n${code}`;
    case 'improve':
      return `Improve this code from ${where(ctx)}: make it clearer, safer and more idiomatic without changing what it does. ${REPLY_WITH_CODE}\n\n${code}`;
    case 'document':
      return `Add documentation comments to this code from ${where(ctx)}, in the usual style for ${ctx.languageId}. Do not change the code itself. ${REPLY_WITH_CODE}\n\n${code}`;
    case 'writeTests':
      return `Write unit tests for this code from ${where(ctx)}, using the test framework most usual for ${ctx.languageId}. Reply with the complete test file only, in one fenced code block.\n\n${code}`;
    case 'fix':
      return `Fix this code from ${where(ctx)}. ${diagnosticsList(ctx.diagnostics)} ${REPLY_WITH_CODE}\n\n${code}`;
  }
}

export function taskInput(task: TaskId, ctx: SelectionContext, question?: string): MessageItem[] {
  return [{ type: 'message', role: 'user', content: taskPrompt(task, ctx, question) }];
}
