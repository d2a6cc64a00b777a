// What a factuality check compares: `reference` = the code and question an answer was given, `text` =
// the answer. Pure: used for the chat's "Check factuality" and for the last Explain/Ask answer.
import { type FactualityRequest } from '../api/safety';
import { type Turn } from '../chat/conversation';
import { TASKS, type RunnableTask, type SelectionContext } from './tasks';

export interface AnsweredQuestion {
  /** The question asked, if any ("Explain Selection" has a fixed one). */
  readonly question?: string;
  /** The code the answer is about, each piece with a label such as "sample.ts, lines 3–9". */
  readonly code: ReadonlyArray<{ readonly label: string; readonly text: string }>;
  readonly answer: string;
}

export function factualityRequest(q: AnsweredQuestion): FactualityRequest {
  const parts: string[] = [];
  if (q.question?.trim()) parts.push(`Question: ${q.question.trim()}`);
  for (const piece of q.code) parts.push(`Code (${piece.label}):\n${piece.text}`);
  return { reference: parts.join('\n\n'), text: q.answer };
}

/** The factuality request of a chat turn, or undefined when it has no answer text to check. */
export function turnFactualityRequest(turn: Turn): FactualityRequest | undefined {
  const answer = turn.answer?.text ?? '';
  if (turn.status !== 'done' || !answer.trim()) return undefined;
  const code = turn.attachments.flatMap((a) => (a.kind === 'selection' ? [{ label: `${a.file}, lines ${a.startLine}–${a.endLine}`, text: a.text }] : []));
  return factualityRequest({ question: turn.prompt, code, answer });
}

/** What Explain asks when the user's prompts do not replace it (the request says it at more length). */
export const EXPLAIN_QUESTION = 'Explain what this code does, how it works, and anything surprising in it.';

/**
 * An Explain or Ask answer as a factuality check sees it: the question (Ask: the user's words;
 * Explain: its instruction, or the user's replacement of it), the selected code, the answer.
 * Undefined for the tasks whose answer is code put into the file.
 */
export function taskAnswer(
  task: RunnableTask,
  ctx: SelectionContext,
  answer: string,
  question?: string,
  promptText?: string,
): (AnsweredQuestion & { readonly title: string }) | undefined {
  if (task !== 'ask' && task !== 'explain') return undefined;
  const asked = task === 'ask' ? question : (promptText ?? EXPLAIN_QUESTION);
  const lines = ctx.startLine === ctx.endLine ? `line ${ctx.startLine}` : `lines ${ctx.startLine}–${ctx.endLine}`;
  return { title: TASKS[task].title, question: asked, code: [{ label: `${ctx.fileName}, ${lines}`, text: ctx.text }], answer };
}

/** The most recent Explain/Ask answer, kept for “Check Factuality of Last Answer”. */
export class LastAnswer {
  private value: (AnsweredQuestion & { readonly title: string }) | undefined;

  record(title: string, answered: AnsweredQuestion): void {
    this.value = { title, ...answered };
  }

  /** Keeps `answered` when it is an Explain/Ask answer (see `taskAnswer`); other answers leave the last one. */
  recordTask(answered: (AnsweredQuestion & { readonly title: string }) | undefined): void {
    if (answered) this.record(answered.title, answered);
  }

  get(): (AnsweredQuestion & { readonly title: string }) | undefined {
    return this.value;
  }
}
