// The conversation's turns in the transcript, in order. A page opened on a long conversation builds
// its last turns before the first frame and the turns above a moment later, a slice per task, keeping
// what the user sees in place (src/core/turnBuildPlan.ts). A turn waiting to be built keeps its view
// (its prompt for the composer's ↑, too); a state arriving meanwhile ends in exactly its turns, in order.
import { buildOrder, planTurns } from '../../src/core/turnBuildPlan';
import type { TurnView } from '../../src/webview/protocol/chat';

/** Turns of a conversation just opened whose answers are rendered at once; those above follow a moment later. */
const EAGER_TURNS = 8;
/** Milliseconds of building per slice of the turns above: about a frame, with time left to paint. */
const SLICE_MS = 10;

interface Built {
  readonly key: string;
  readonly status: TurnView['status'];
  readonly prompt: string;
  readonly element: HTMLElement;
}

export interface TurnListParts {
  readonly transcript: HTMLElement;
  /** Shown when the conversation has no turn. */
  readonly empty: HTMLElement;
  /** A turn's element; `eager` false: its Markdown may show as text for a moment. */
  build(turn: TurnView, eager: boolean): HTMLElement;
  /** A turn shown pending has finished (the conversation is the same): its element is new. */
  finished(turn: TurnView, element: HTMLElement): void;
  /** Runs `task` later: after the next paint (`afterPaint`), else in a task of its own. */
  schedule(task: () => void, afterPaint: boolean): void;
}

export class TurnList {
  private readonly built = new Map<string, Built>();
  private readonly waiting = new Map<string, TurnView>();
  private ids: readonly string[] = [];
  private scheduled = false;

  constructor(private readonly parts: TurnListParts) {}

  /** Forgets every turn: another conversation is shown next. */
  clear(): void {
    this.built.clear();
    this.waiting.clear();
  }

  /**
   * The conversation's turns in order (`ids`), from the views just received (`turns`: new or changed
   * ones) and those the page holds. False, changing nothing, when a turn is neither (the page missed a
   * state): the extension is then asked for the whole conversation.
   */
  show(ids: readonly string[], turns: readonly TurnView[], sameConversation: boolean): boolean {
    const received = new Map(turns.map((turn) => [turn.id, turn]));
    const plan = planTurns(ids, new Set(received.keys()), { built: (id) => this.built.has(id), waiting: (id) => this.waiting.has(id) });
    if (!plan) return false;
    const later = new Set(plan.later);
    let added = false;
    for (const [index, id] of ids.entries()) {
      const view = received.get(id);
      if (later.has(id)) {
        if (view) this.waiting.set(id, view);
        continue;
      }
      const turn = view ?? this.waiting.get(id);
      const previous = this.built.get(id);
      const key = turn && JSON.stringify(turn);
      if (!turn || !key || previous?.key === key) continue;
      const element = this.parts.build(turn, sameConversation || index >= ids.length - EAGER_TURNS);
      if (!previous) added = true;
      if (sameConversation && previous?.status === 'pending' && turn.status !== 'pending') this.parts.finished(turn, element);
      this.built.set(id, { key, status: turn.status, prompt: turn.prompt, element });
      this.waiting.delete(id);
    }
    this.ids = ids;
    if (this.built.size + this.waiting.size > ids.length) {
      const kept = new Set(ids);
      for (const map of [this.built, this.waiting]) for (const id of [...map.keys()]) if (!kept.has(id)) map.delete(id);
    }
    this.place();
    const { transcript } = this.parts;
    if (added || !sameConversation) transcript.scrollTop = transcript.scrollHeight;
    if (this.waiting.size > 0 && !this.scheduled) {
      this.scheduled = true;
      this.parts.schedule(this.buildWaiting, true);
    }
    return true;
  }

  /** The prompts of `ids`, built or waiting ('' for an unknown one). */
  prompts(ids: readonly string[]): string[] {
    return ids.map((id) => this.built.get(id)?.prompt ?? this.waiting.get(id)?.prompt ?? '');
  }

  /** The element of a turn shown pending. */
  pending(id: string): HTMLElement | undefined {
    const turn = this.built.get(id);
    return turn?.status === 'pending' ? turn.element : undefined;
  }

  /** Builds waiting turns, nearest the shown end first, for about a frame; then again in the next task. */
  private readonly buildWaiting = (): void => {
    this.scheduled = false;
    const started = performance.now();
    for (const id of buildOrder(this.ids, (id) => this.waiting.has(id))) {
      if (performance.now() - started > SLICE_MS) break;
      const turn = this.waiting.get(id);
      if (!turn) continue;
      this.waiting.delete(id);
      this.built.set(id, { key: JSON.stringify(turn), status: turn.status, prompt: turn.prompt, element: this.parts.build(turn, false) });
    }
    // The turns come in above what the user sees, which stays where it is on the screen.
    const { transcript } = this.parts;
    const fromBottom = transcript.scrollHeight - transcript.scrollTop;
    this.place();
    transcript.scrollTop = transcript.scrollHeight - fromBottom;
    if (this.waiting.size > 0) {
      this.scheduled = true;
      this.parts.schedule(this.buildWaiting, false);
    }
  };

  /** The built turns' elements in the transcript, in order, and nothing else (the empty note without any). */
  private place(): void {
    const { transcript, empty } = this.parts;
    const nodes = this.ids.flatMap((id) => {
      const element = this.built.get(id)?.element;
      return element ? [element] : [];
    });
    let cursor = transcript.firstElementChild;
    for (const node of nodes.length ? nodes : [empty]) {
      if (cursor === node) cursor = cursor.nextElementSibling;
      else transcript.insertBefore(node, cursor);
    }
    while (cursor) {
      const next = cursor.nextElementSibling;
      cursor.remove();
      cursor = next;
    }
  }
}
