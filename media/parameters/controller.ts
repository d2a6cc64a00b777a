// The parameters panel's controller: the state from the extension, the user's draft (raw field
// text), and every message both ways. Edits change only the draft; Save posts it when every field is
// valid. Settings that change elsewhere replace the draft only when it has no unsaved edits;
// otherwise the edits are kept and a banner offers to load the new values.
import { render } from 'lit';
import { ApiParametersSchema, type ApiParameters } from '../../src/api/parameters';
import {
  ParametersToWebviewSchema,
  ParametersViewStateSchema,
  type PanelState,
  type ParametersToHost,
  type ParametersToWebview,
  type ParametersViewState,
  type SaveTarget,
} from '../../src/webview/protocol/parameters';
import { Host } from '../shared/host';
import { type UiState, type View } from './fields';
import {
  changedKeys,
  errorKey,
  formDiffers,
  formFromParams,
  FormDraftSchema,
  paramsFromForm,
  sameParams,
  type FieldErrors,
  type FormDraft,
  type FormResult,
} from './formModel';
import * as l10n from '../shared/l10n';
import { labelList, targetLabel } from './labels';
import { appView, type App } from './view';

export class Controller implements View, App {
  private readonly host: Host<ParametersToHost, ParametersToWebview>;
  private panelState: PanelState | undefined;
  form: FormDraft = formFromParams(ApiParametersSchema.parse({}));
  /** The settings values the draft started from. */
  private base: ApiParameters = ApiParametersSchema.parse({});
  private baseForm: FormDraft = this.form;
  private restored = false;
  private result: FormResult = paramsFromForm(this.form);
  private hostErrors: FieldErrors = {};
  /** A save posted and not yet answered by `saved` or `rejected`. */
  private pendingSave: { values: ApiParameters; target: SaveTarget } | undefined;
  target: SaveTarget = 'user';
  /** Settings that changed elsewhere while the draft had unsaved edits. */
  external: ApiParameters | undefined;
  /** The extension's refusal (role=alert), and the fields it named. */
  alert = '';
  rejectedFields: readonly { path: string; message: string }[] = [];
  /** Short news for the status line (aria-live polite). */
  status = '';
  readonly ui: UiState = { presetSelected: '', presetName: '', confirmDelete: false, mcpPick: '' };

  constructor(private readonly root: HTMLElement) {
    this.host = new Host<ParametersToHost, ParametersToWebview>(ParametersToWebviewSchema, (message) => this.receive(message));
  }

  start(): void {
    const saved = this.host.state(ParametersViewStateSchema);
    const form = FormDraftSchema.safeParse(saved?.form);
    if (form.success) {
      this.form = form.data;
      this.restored = true;
      if (saved?.base) this.setBase(saved.base);
    }
    if (saved?.target) this.target = saved.target;
    this.update();
    this.host.post({ type: 'ready' });
  }

  get state(): PanelState {
    if (!this.panelState) throw new Error('No state yet');
    return this.panelState;
  }
  get loaded(): boolean {
    return this.panelState !== undefined;
  }
  get values(): ApiParameters | undefined {
    return this.result.values;
  }
  get errors(): FieldErrors {
    return { ...this.result.errors, ...this.hostErrors };
  }
  get changed(): ReadonlySet<string> {
    return changedKeys(this.form, this.baseForm);
  }
  get dirty(): boolean {
    return formDiffers(this.result, this.base);
  }
  get problemCount(): number {
    return Object.keys(this.result.errors).length;
  }

  post(message: ParametersToHost): void {
    this.host.post(message);
  }

  edit(mutate: (form: FormDraft) => void, key?: string): void {
    mutate(this.form);
    if (key === undefined) this.hostErrors = {};
    else delete this.hostErrors[key];
    this.status = '';
    this.update();
  }

  setUi(mutate: (ui: UiState) => void): void {
    mutate(this.ui);
    this.update();
  }

  setTarget(target: SaveTarget): void {
    this.target = target;
    this.update();
  }

  save(): void {
    const values = this.result.values;
    if (!values) {
      this.status =
        this.problemCount === 1
          ? l10n.t('Not saved: fix the problem marked in the form.')
          : l10n.t('Not saved: fix the {0} problems marked in the form.', this.problemCount);
      this.update();
      this.root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const target = this.target === 'workspace' && !this.state.workspaceAvailable ? 'user' : this.target;
    this.pendingSave = { values, target };
    this.alert = '';
    this.rejectedFields = [];
    this.status = l10n.t('Saving to {0}…', targetLabel(target));
    this.post({ type: 'save', values, target });
    this.update();
  }

  /** "Load them": the settings that changed elsewhere replace the draft. */
  loadExternal(): void {
    this.take(this.state.values);
    this.update();
  }

  keepEdits(): void {
    if (this.external) this.setBase(this.external);
    this.external = undefined;
    this.update();
  }

  private receive(message: ParametersToWebview): void {
    switch (message.type) {
      case 'state':
        this.onState(message.state);
        break;
      case 'saved':
        this.onSaved(message.target, message.state);
        break;
      case 'rejected':
        this.pendingSave = undefined;
        this.alert = message.message;
        this.hostErrors = Object.fromEntries(message.fieldErrors.map((e) => [errorKey(e.path.replace(/^predictionGuard\./, '').split('.')), e.message]));
        this.rejectedFields = message.fieldErrors;
        this.status = '';
        break;
      case 'notice':
        this.status = message.message;
        break;
      default: {
        const unhandled: never = message;
        console.warn('Unhandled message', unhandled);
      }
    }
    this.update();
  }

  private onState(state: PanelState): void {
    const first = !this.panelState;
    this.panelState = state;
    if (this.target === 'workspace' && !state.workspaceAvailable) this.target = 'user';
    // While a save is on its way, its answer (`saved`) decides what the draft becomes.
    if (this.pendingSave) return;
    const draft = this.result.values;
    if (first && !this.restored) {
      this.take(state.values);
    } else if (draft && sameParams(draft, state.values)) {
      // The settings now say what the draft says: nothing is unsaved.
      this.setBase(state.values);
      this.external = undefined;
    } else if (!this.dirty) {
      this.take(state.values);
    } else {
      // Unsaved edits are kept; a banner offers the new values when they differ from where the draft started.
      this.external = sameParams(state.values, this.base) ? undefined : state.values;
    }
  }

  /** The extension saved: the form takes the resulting settings and says which saved values another scope overrides. */
  private onSaved(target: SaveTarget, state: PanelState): void {
    const requested = this.pendingSave?.values;
    this.pendingSave = undefined;
    this.panelState = state;
    const overridden = requested ? changedKeys(formFromParams(requested), formFromParams(state.values)) : new Set<string>();
    this.take(state.values);
    this.alert = '';
    this.rejectedFields = [];
    if (overridden.size) {
      this.status =
        target === 'user'
          ? l10n.t('Saved to {0}, but workspace settings override: {1}.', targetLabel(target), labelList(overridden))
          : l10n.t('Saved to {0}, but these still differ: {1}.', targetLabel(target), labelList(overridden));
    } else {
      this.status = l10n.t('Saved to {0}', targetLabel(target));
    }
  }

  private take(values: ApiParameters): void {
    this.form = formFromParams(values);
    this.setBase(values);
    this.external = undefined;
    this.hostErrors = {};
  }

  private setBase(values: ApiParameters): void {
    this.base = values;
    this.baseForm = formFromParams(values);
  }

  private update(): void {
    this.result = paramsFromForm(this.form);
    const view: ParametersViewState = { form: this.form, base: this.base, target: this.target, ...(this.result.values ? { draft: this.result.values } : {}) };
    this.host.saveState(view);
    render(appView(this), this.root);
  }
}
