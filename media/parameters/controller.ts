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
import { labelList, TARGET_LABELS } from './labels';
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
  /** A save posted and not yet answered by a state; `acknowledged` once the extension said `saved`. */
  private pendingSave: { values: ApiParameters; target: SaveTarget; acknowledged: boolean } | undefined;
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
      this.status = `Not saved: fix ${this.problemCount === 1 ? 'the problem' : `the ${this.problemCount} problems`} marked in the form.`;
      this.update();
      this.root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const target = this.target === 'workspace' && !this.state.workspaceAvailable ? 'user' : this.target;
    this.pendingSave = { values, target, acknowledged: false };
    this.alert = '';
    this.rejectedFields = [];
    this.status = `Saving to ${TARGET_LABELS[target]}…`;
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
        if (this.pendingSave) this.pendingSave.acknowledged = true;
        this.status = `Saved to ${TARGET_LABELS[message.target]}`;
        this.alert = '';
        this.rejectedFields = [];
        this.hostErrors = {};
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
    const draft = this.result.values;
    const settingsChanged = !sameParams(state.values, this.base);
    // A save is answered by the first state whose values changed (or, once the extension said
    // `saved`, the next state); a state that changes only lists (models, presets) leaves it pending.
    const saved = this.pendingSave && (settingsChanged || this.pendingSave.acknowledged) ? this.pendingSave : undefined;
    if (settingsChanged) this.pendingSave = undefined;
    if (first && !this.restored) {
      this.take(state.values);
    } else if (draft && sameParams(draft, state.values)) {
      // The settings now say what the draft says (e.g. just saved): nothing is unsaved.
      this.pendingSave = undefined;
      this.setBase(state.values);
      this.external = undefined;
    } else if (saved && draft && sameParams(draft, saved.values)) {
      // Saved, but the effective values differ: another scope overrides some of them.
      const overridden = changedKeys(formFromParams(saved.values), formFromParams(state.values));
      this.pendingSave = undefined;
      this.take(state.values);
      if (overridden.size) {
        const why = saved.target === 'user' ? 'workspace settings override' : 'these still differ';
        this.status = `Saved to ${TARGET_LABELS[saved.target]}, but ${why}: ${labelList(overridden)}.`;
      }
    } else if (!this.dirty) {
      this.take(state.values);
    } else {
      // Unsaved edits are kept; a banner offers the new values when they differ from where the draft started.
      this.external = sameParams(state.values, this.base) ? undefined : state.values;
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
