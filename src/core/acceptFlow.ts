// Accept in a review, as a pure sequence: resolve where the change goes, ask about hidden
// characters if any, then resolve again after the dialog and apply only what was checked last.
// A file or proposal that changed while the dialog was open refuses the Accept (nothing is lost).
import { hiddenFindings, replaceHidden, type HiddenFinding } from './markdown/hiddenUnicode';

export type Resolved<R> =
  { readonly ok: true; readonly range: R; readonly text: string; readonly version: number } | { readonly ok: false; readonly reason: string };

export interface AcceptSource<R> {
  /** The proposal's text now. */
  readProposal(): string;
  /** Where the proposal goes in the document now, and the document's version. */
  resolve(proposal: string): Resolved<R>;
}

export type HiddenChoice = 'keep' | 'remove' | undefined;

export type AcceptPlan<R> =
  { readonly ok: true; readonly range: R; readonly text: string } | { readonly ok: false; readonly reason: string; readonly cancelled?: boolean };

export const CHANGED_DURING_DIALOG = 'the file or the proposal changed while the confirmation was open';

/** Decides what Accept writes where; `confirm` is asked only when the change has hidden characters. */
export async function planAccept<R>(source: AcceptSource<R>, confirm: (findings: HiddenFinding[]) => Promise<HiddenChoice>): Promise<AcceptPlan<R>> {
  const proposal = source.readProposal();
  const first = source.resolve(proposal);
  if (!first.ok) return first;
  const hidden = hiddenFindings(first.text);
  if (!hidden.length) return { ok: true, range: first.range, text: first.text };
  const choice = await confirm(hidden);
  if (choice === undefined) return { ok: false, reason: 'cancelled', cancelled: true };
  // The dialog may have been open a while: everything checked before it is checked again.
  const nowProposal = source.readProposal();
  const again = source.resolve(nowProposal);
  if (!again.ok) return again;
  if (nowProposal !== proposal || again.version !== first.version || again.text !== first.text) {
    return { ok: false, reason: CHANGED_DURING_DIALOG };
  }
  return { ok: true, range: again.range, text: choice === 'remove' ? replaceHidden(again.text, () => '') : again.text };
}
