// The chat's "Check factuality" on an answer: POST /factuality with the turn's question and code as
// the reference and its answer as the text; the result is kept per turn (in memory) as the badge the
// webview shows. No `vscode` import: the chat controller passes turns in and re-renders on change.
import { PredictionGuardError } from '../api/errors';
import { checkFactuality } from '../api/safety';
import { type Turn } from '../chat/conversation';
import { factualityLevel } from '../core/checkReport';
import { turnFactualityRequest } from '../core/factualityInput';
import { type FactualityView } from '../webview/protocol/chat';
import { type SafetyDeps } from './deps';

export class ChatFactuality {
  private readonly views = new Map<string, FactualityView>();
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly deps: Pick<SafetyDeps, 'connect' | 'log'>,
    /** Told whenever a turn's badge changes: the controller pushes its state to the webview. */
    private readonly onChange: () => void,
  ) {}

  /** The badge of a turn, for its TurnView. */
  view(turnId: string): FactualityView | undefined {
    return this.views.get(turnId);
  }

  /** Checks one answer; a second click while it runs is ignored. Never throws. */
  async check(turn: Turn): Promise<void> {
    if (this.running.has(turn.id)) return;
    const request = turnFactualityRequest(turn);
    if (!request) return this.set(turn.id, { status: 'error', message: 'This answer has no text to check.' });
    const abort = new AbortController();
    this.running.set(turn.id, abort);
    this.set(turn.id, { status: 'checking' });
    try {
      const connection = await this.deps.connect();
      if (!connection) return this.forget(turn.id);
      const score = await checkFactuality(connection.client, request, { signal: abort.signal });
      this.set(turn.id, { status: 'done', score: Math.min(1, Math.max(0, score)), level: factualityLevel(score) });
    } catch (error) {
      if (error instanceof PredictionGuardError && error.kind === 'cancelled') return this.forget(turn.id);
      const message = error instanceof PredictionGuardError ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      this.deps.log.warn(`Factuality check of turn ${turn.id}: ${message}`);
      this.set(turn.id, { status: 'error', message });
    } finally {
      this.running.delete(turn.id);
    }
  }

  /** Stops every running check (the view or conversation went away). */
  dispose(): void {
    for (const abort of this.running.values()) abort.abort();
    this.running.clear();
    this.views.clear();
  }

  private set(turnId: string, view: FactualityView): void {
    this.views.set(turnId, view);
    this.onChange();
  }

  private forget(turnId: string): void {
    this.views.delete(turnId);
    this.onChange();
  }
}
