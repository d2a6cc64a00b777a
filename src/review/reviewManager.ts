// Review before apply: a proposed change opens as a diff (left: the document now; right: an
// editable in-memory copy with the change), and is applied only on Accept, to its own pinned target,
// as one undo step. Several reviews may be open at once.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { Disposable, toDisposable } from '../util/dispose';
import { describeFindings, hiddenFindings, type HiddenFinding } from '../core/markdown/hiddenUnicode';
import { applyTextEdit, changedRegion, reviewedEdit, type TextEdit } from '../core/proposal';
import { planAccept, type HiddenChoice, type Resolved } from '../core/acceptFlow';
import { PinnedTarget } from '../editor/pinnedTarget';
import { PROPOSAL_SCHEME, type ProposalFileSystem } from './proposalFileSystem';

export interface ReviewRequest {
  /** The command the change comes from: "Improve Selection". */
  readonly title: string;
  readonly document: vscode.TextDocument;
  /** The change, as offsets into the document's text now. */
  readonly edit: TextEdit;
  /** The part of the document the change is about (the selection and where the answer goes), as offsets now. */
  readonly span: { readonly start: number; readonly end: number };
  /** Why the change is reviewed although `review` is `apply` ("the answer has 2 code blocks"). */
  readonly reasons?: readonly string[];
}

export interface AcceptResult {
  readonly accepted: boolean;
  /** Why not, when not accepted. */
  readonly reason?: string;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.path;
}

class Review implements vscode.Disposable {
  readonly id = randomUUID().slice(0, 8);
  readonly proposalUri: vscode.Uri;
  readonly name: string;
  private readonly target: PinnedTarget;
  readonly original: string;

  constructor(readonly request: ReviewRequest) {
    this.name = baseName(request.document.uri);
    this.proposalUri = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${this.id}/${this.name}` });
    this.original = request.document.getText();
    const { document, span } = request;
    this.target = new PinnedTarget(document, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
  }

  get title(): string {
    return `${this.request.title}: ${this.name} ↔ proposed`;
  }

  proposalDocument(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.proposalUri.toString());
  }

  /** The hidden characters the proposal (as it is now) adds, with their offsets in it. */
  findings(proposal: string): HiddenFinding[] {
    const region = changedRegion(this.original, proposal);
    return hiddenFindings(proposal, region.start, region.endAfter);
  }

  /** Where the reviewed change goes now and what it writes, or why it cannot. */
  resolve(proposal: string): Resolved<vscode.Range> {
    const state = this.target.current();
    if (!state.ok) return { ok: false, reason: state.cause === 'changed' ? 'you changed the text this change is for since the review opened' : state.reason };
    const { edit, withinSpan } = reviewedEdit(this.original, proposal, this.request.span);
    if (withinSpan) return { ok: true, range: state.range, text: edit.text, version: state.document.version };
    // The user edited the proposal outside the change: that only maps back while the file is as it was.
    if (state.document.getText() !== this.original) {
      return { ok: false, reason: 'your edits to the proposal reach outside the change and the file has changed since the review opened' };
    }
    const document = state.document;
    return { ok: true, range: new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), text: edit.text, version: document.version };
  }

  dispose(): void {
    this.target.dispose();
  }
}

export class ReviewManager extends Disposable {
  private readonly reviews = new Map<string, Review>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when a review opens or ends, or the active editor changes (for the context keys). */
  readonly onDidChange = this.changed.event;
  private readonly decoration = this._register(
    vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('inputValidation.warningBackground'),
      border: '1px solid',
      borderColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
  );

  constructor(private readonly files: ProposalFileSystem) {
    super();
    const subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          const review = this.reviewOfTab(tab);
          if (review && !this.isShown(review)) this.end(review);
        }
        this.changed.fire();
      }),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.changed.fire()),
      vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateAll()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme === PROPOSAL_SCHEME) this.decorateAll();
      }),
    ];
    for (const subscription of subscriptions) this._register(subscription);
    // Disposed first: every open review ends with the manager.
    this._register(
      toDisposable(() => {
        for (const review of this.reviews.values()) review.dispose();
        this.reviews.clear();
      }),
    );
  }

  get count(): number {
    return this.reviews.size;
  }

  private reviewOfTab(tab: vscode.Tab | undefined): Review | undefined {
    const input = tab?.input;
    if (!(input instanceof vscode.TabInputTextDiff) || input.modified.scheme !== PROPOSAL_SCHEME) return undefined;
    return [...this.reviews.values()].find((r) => r.proposalUri.toString() === input.modified.toString());
  }

  private tabsOf(review: Review): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => this.reviewOfTab(tab) === review));
  }

  private isShown(review: Review): boolean {
    return this.tabsOf(review).length > 0;
  }

  /** The review in the active editor tab, if any. */
  active(): Review | undefined {
    return this.reviewOfTab(vscode.window.tabGroups.activeTabGroup.activeTab);
  }

  /** The review a command means: the one named by `arg` (its proposal URI), the active one, or the only one. */
  private pick(arg: unknown): Review | undefined {
    const uri = arg instanceof vscode.Uri ? arg.toString() : typeof arg === 'string' ? arg : undefined;
    const named = uri ? [...this.reviews.values()].find((r) => r.proposalUri.toString() === uri || r.id === uri) : undefined;
    if (named) return named;
    const active = this.active();
    if (active) return active;
    return this.reviews.size === 1 ? [...this.reviews.values()][0] : undefined;
  }

  /** Opens the diff; resolves once it shows. */
  async open(request: ReviewRequest): Promise<vscode.Uri> {
    const review = new Review(request);
    this.reviews.set(review.id, review);
    try {
      this.files.create(review.proposalUri, applyTextEdit(review.original, request.edit));
      let proposal = await vscode.workspace.openTextDocument(review.proposalUri);
      if (proposal.languageId !== request.document.languageId) {
        proposal = await vscode.languages.setTextDocumentLanguage(proposal, request.document.languageId);
      }
      await vscode.commands.executeCommand('vscode.diff', request.document.uri, review.proposalUri, review.title, { preview: false });
    } catch (error) {
      this.end(review);
      throw error;
    }
    this.decorateAll();
    this.changed.fire();
    this.announce(review);
    return review.proposalUri;
  }

  /**
   * Says why the review opened. Hidden Unicode gets a warning naming what and where, with Accept /
   * Reject; otherwise the title buttons and the status bar entry offer them (no notification to go stale).
   */
  private announce(review: Review): void {
    const findings = review.findings(review.proposalDocument()?.getText() ?? '');
    const why = review.request.reasons?.length ? vscode.l10n.t(' It opened for review because {0}.', review.request.reasons.join(vscode.l10n.t(' and '))) : '';
    if (!findings.length) {
      vscode.window.setStatusBarMessage(
        `$(diff) ${vscode.l10n.t('{0}: edit the proposal if you like, then Accept (Ctrl+Alt+Y) or Reject (Ctrl+Alt+N).', inert(review.title))}${why}`,
        8000,
      );
      return;
    }
    const accept = vscode.l10n.t('Accept');
    const reject = vscode.l10n.t('Reject');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          '{0}: the proposed change contains hidden Unicode characters — {1}. They can make code read differently from what it does.{2}',
          inert(review.title),
          describeFindings(findings),
          why,
        ),
        accept,
        reject,
      )
      .then((choice) => {
        if (!this.reviews.has(review.id)) return;
        if (choice === accept) void this.accept(review.id);
        if (choice === reject) void this.reject(review.id);
      });
  }

  private decorateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme !== PROPOSAL_SCHEME) continue;
      const review = [...this.reviews.values()].find((r) => r.proposalUri.toString() === editor.document.uri.toString());
      if (!review) continue;
      const document = editor.document;
      editor.setDecorations(
        this.decoration,
        review.findings(document.getText()).map((f) => ({
          range: new vscode.Range(document.positionAt(f.offset), document.positionAt(f.offset + f.length)),
          hoverMessage: vscode.l10n.t('{0} — hidden in the proposed change (line {1}, column {2}).', f.description, f.line, f.column),
          renderOptions: { before: { contentText: `⟨${f.label}⟩`, color: new vscode.ThemeColor('editorWarning.foreground') } },
        })),
      );
    }
  }

  /** Asks whether to accept a change with hidden characters, keep them, or remove them. */
  private async confirmHidden(hidden: HiddenFinding[]): Promise<HiddenChoice> {
    const keep = vscode.l10n.t('Accept With Hidden Characters');
    const remove = vscode.l10n.t('Remove Them and Accept');
    const choice = await vscode.window.showWarningMessage(
      hidden.length === 1
        ? vscode.l10n.t('The change contains {0} hidden Unicode character. Accept it anyway?', hidden.length)
        : vscode.l10n.t('The change contains {0} hidden Unicode characters. Accept it anyway?', hidden.length),
      { modal: true, detail: vscode.l10n.t('{0}.\nHidden characters can make code read differently from what it does.', describeFindings(hidden, 5)) },
      remove,
      keep,
    );
    return choice === remove ? 'remove' : choice === keep ? 'keep' : undefined;
  }

  /** Applies the proposal as it is now to its target, as one undo step, and closes the review. */
  async accept(arg?: unknown): Promise<AcceptResult> {
    const review = this.pick(arg);
    if (!review) return this.noReview('accept');
    const plan = await planAccept(
      {
        readProposal: () => review.proposalDocument()?.getText() ?? new TextDecoder().decode(this.files.readFile(review.proposalUri)),
        resolve: (proposal) => review.resolve(proposal),
      },
      (hidden) => this.confirmHidden(hidden),
    );
    if (!plan.ok) {
      if (plan.cancelled) return { accepted: false, reason: plan.reason };
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Accept refused: {0}. The proposal stays open, so nothing is lost; copy what you need from it.', inert(plan.reason)),
      );
      return { accepted: false, reason: plan.reason };
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(review.request.document.uri, plan.range, plan.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      const reason = vscode.l10n.t('the editor refused the edit (the file may be read-only)');
      void vscode.window.showWarningMessage(vscode.l10n.t('Accept refused: {0}. The proposal stays open.', reason));
      return { accepted: false, reason };
    }
    await this.close(review);
    void vscode.window.showInformationMessage(vscode.l10n.t('Accepted: the change is in {0} (one Undo takes it back).', inert(review.name)));
    return { accepted: true };
  }

  /** Closes the review; the document is not touched. */
  async reject(arg?: unknown): Promise<AcceptResult> {
    const review = this.pick(arg);
    if (!review) return this.noReview('reject');
    await this.close(review);
    void vscode.window.setStatusBarMessage(`$(discard) ${vscode.l10n.t('Rejected: {0} was not changed', inert(review.name))}`, 4000);
    return { accepted: false, reason: 'rejected' };
  }

  private noReview(what: 'accept' | 'reject'): AcceptResult {
    const several = this.reviews.size > 0;
    const reason =
      what === 'accept'
        ? several
          ? vscode.l10n.t('several reviews are open: switch to the one to accept')
          : vscode.l10n.t('no change is waiting for review')
        : several
          ? vscode.l10n.t('several reviews are open: switch to the one to reject')
          : vscode.l10n.t('no change is waiting for review');
    void vscode.window.showInformationMessage(
      what === 'accept' ? vscode.l10n.t('Nothing to accept: {0}.', reason) : vscode.l10n.t('Nothing to reject: {0}.', reason),
    );
    return { accepted: false, reason };
  }

  private async close(review: Review): Promise<void> {
    const tabs = this.tabsOf(review);
    this.end(review, false);
    // Saved first (in memory) so that closing asks nothing about the edited proposal.
    const document = review.proposalDocument();
    if (document?.isDirty) await document.save();
    await vscode.window.tabGroups.close(tabs);
    this.files.remove(review.proposalUri);
  }

  private end(review: Review, removeFile = true): void {
    if (!this.reviews.delete(review.id)) return;
    review.dispose();
    if (removeFile) this.files.remove(review.proposalUri);
    this.changed.fire();
  }
}
