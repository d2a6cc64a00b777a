// The selection commands: what each asks the model and where its answer goes by default.
import { type MessageItem } from '../api/requestSchema';
import { type CustomPrompt } from '../config/settingsSchema';

export const TASK_IDS = ['ask', 'explain', 'improve', 'document', 'writeTests', 'fix'] as const;
export type TaskId = (typeof TASK_IDS)[number];
/** A built-in task, or `custom`: a prompt from `predictionGuard.prompts`. */
export type RunnableTask = TaskId | 'custom';

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

export const TASKS: Readonly<Record<RunnableTask, TaskSpec>> = {
  ask: { title: 'Ask About Selection', progress: 'Answering your question', autoDestination: 'markdownBeside', answerIsCode: false },
  explain: { title: 'Explain Selection', progress: 'Explaining the selection', autoDestination: 'markdownBeside', answerIsCode: false },
  improve: { title: 'Improve Selection', progress: 'Improving the selection', autoDestination: 'replace', answerIsCode: true },
  document: { title: 'Add Documentation', progress: 'Documenting the selection', autoDestination: 'replace', answerIsCode: true },
  writeTests: { title: 'Write Tests', progress: 'Writing tests', autoDestination: 'newDocument', answerIsCode: true },
  fix: { title: 'Fix Selection', progress: 'Fixing the selection', autoDestination: 'replace', answerIsCode: true },
  custom: { title: 'Run Prompt', progress: 'Running your prompt', autoDestination: 'replace', answerIsCode: true },
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

const REPLY_WITH_CODE = 'Reply with the complete replacement code only, in one fenced code block, with no explanation before or after it.';

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

/**
 * The user message for a task. `question` is the user's own words, for Ask. `promptText`, from
 * `predictionGuard.prompts`, replaces the task's own instruction (the selection still goes with it).
 */
export function taskPrompt(task: RunnableTask, ctx: SelectionContext, question?: string, promptText?: string): string {
  const code = codeBlock(ctx);
  if (task !== 'ask' && (promptText !== undefined || task === 'custom')) {
    const problems = task === 'fix' ? `${diagnosticsList(ctx.diagnostics)}\n\n` : '';
    return `${promptText ?? ''}\n\nThe selected code from ${where(ctx)}:\n\n${problems}${code}`;
  }
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

export function taskInput(task: RunnableTask, ctx: SelectionContext, question?: string, promptText?: string): MessageItem[] {
  return [{ type: 'message', role: 'user', content: taskPrompt(task, ctx, question, promptText) }];
}

/** A prompt to run: its name (shown in titles), its text, and where its answer goes when it says so. */
export interface PromptChoice {
  readonly name: string;
  readonly text: string;
  readonly destination?: Destination;
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** True for a name like a built-in task's title ("improve selection "): such a prompt replaces that task's text. */
export function isBuiltInName(name: string): boolean {
  return TASK_IDS.some((task) => sameName(name, TASKS[task].title));
}

function destinationOf(placement: CustomPrompt['placement']): Destination | undefined {
  if (placement === undefined || placement === 'auto') return undefined;
  return placement === 'markdown' ? 'markdownBeside' : placement;
}

/** The user's replacement prompt text for a built-in task (an entry named like its title), if any. */
export function promptOverride(task: RunnableTask, prompts: readonly CustomPrompt[]): PromptChoice | undefined {
  if (task === 'custom' || task === 'ask') return undefined;
  const entry = prompts.find((p) => sameName(p.name, TASKS[task].title));
  return entry ? { name: TASKS[task].title, text: entry.prompt, destination: destinationOf(entry.placement) } : undefined;
}

/** What a custom prompt's answer is: prose when it opens as Markdown, code otherwise. */
export function specFor(task: RunnableTask, prompt: PromptChoice | undefined): TaskSpec {
  const base = TASKS[task];
  if (task !== 'custom' || !prompt) return base;
  return { ...base, title: prompt.name, answerIsCode: prompt.destination !== 'markdownBeside' };
}

/** One entry of the Run Prompt pick: a built-in task (maybe with the user's text) or a custom prompt. */
export interface PromptEntry {
  readonly task: RunnableTask;
  readonly name: string;
  readonly prompt?: PromptChoice;
  /** True for an entry of `predictionGuard.prompts` (a custom prompt or an override). */
  readonly fromSettings: boolean;
}

/** Every prompt Run Prompt offers: the built-in tasks (with overrides applied), then the custom prompts. */
export function promptEntries(prompts: readonly CustomPrompt[]): PromptEntry[] {
  const builtIns = TASK_IDS.map((task): PromptEntry => {
    const prompt = promptOverride(task, prompts);
    return { task, name: TASKS[task].title, prompt, fromSettings: prompt !== undefined };
  });
  const custom = prompts
    .filter((p) => !isBuiltInName(p.name))
    .filter((p, i, all) => all.findIndex((q) => sameName(q.name, p.name)) === i)
    .map((p): PromptEntry => ({
      task: 'custom',
      name: p.name,
      prompt: { name: p.name, text: p.prompt, destination: destinationOf(p.placement) },
      fromSettings: true,
    }));
  return [...builtIns, ...custom];
}

/** The prompt called `name` (case-insensitive), or undefined. */
export function findPrompt(name: string, prompts: readonly CustomPrompt[]): PromptEntry | undefined {
  return promptEntries(prompts).find((entry) => sameName(entry.name, name));
}
