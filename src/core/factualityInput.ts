// What a factuality check compares: `reference` = the code and question an answer was given, `text` =
// the answer. Pure: used for the chat's "Check factuality" and for the last Explain/Ask answer.
import { type FactualityRequest } from '../api/safety';
import { type Turn } from '../chat/conversation';

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

/** The most recent Explain/Ask answer, kept for “Check Factuality of Last Answer”. */
export class LastAnswer {
  private value: (AnsweredQuestion & { readonly title: string }) | undefined;

  record(title: string, answered: AnsweredQuestion): void {
    this.value = { title, ...answered };
  }

  get(): (AnsweredQuestion & { readonly title: string }) | undefined {
    return this.value;
  }
}
