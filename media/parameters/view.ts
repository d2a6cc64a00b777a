// The parameters panel's page: the save bar (target, Save, unsaved-changes and status lines, links
// to settings.json), the banners, then the groups in the order a user thinks of them.
import { html, nothing, type TemplateResult } from 'lit';
import { SAVE_TARGETS, type SaveTarget } from '../../src/webview/protocol/parameters';
import { selectControl, type View } from './fields';
import * as l10n from '../shared/l10n';
import { fieldLabels, targetLabel } from './labels';
import { generationSection } from './sections/generation';
import { modelSection } from './sections/model';
import { presetsSection } from './sections/presets';
import { previewSection } from './sections/preview';
import { safeguardsSection } from './sections/safeguards';
import { toolsSection } from './sections/tools';

/** What the page needs beyond the sections' View. */
export interface App extends View {
  readonly loaded: boolean;
  readonly dirty: boolean;
  readonly problemCount: number;
  readonly target: SaveTarget;
  readonly external: unknown;
  readonly alert: string;
  readonly rejectedFields: readonly { path: string; message: string }[];
  readonly status: string;
  setTarget(target: SaveTarget): void;
  save(): void;
  loadExternal(): void;
  keepEdits(): void;
}

function saveBar(app: App): TemplateResult {
  const { workspaceAvailable } = app.state;
  const spec = { id: 'save-target', label: l10n.t('Save to'), key: 'save-target' };
  const problems = app.problemCount;
  const link = (target: SaveTarget): TemplateResult =>
    html`<button type="button" class="link-button" id="open-${target}-settings" @click=${() => app.post({ type: 'openSettingsJson', target })}>
      ${target === 'user' ? l10n.t('Open User settings.json') : l10n.t('Open Workspace settings.json')}
    </button>`;
  return html`<header class="save-bar">
    <div class="row">
      <vscode-label for="save-target">${spec.label}</vscode-label>
      ${selectControl(
        app,
        spec,
        app.target,
        SAVE_TARGETS.map((target) => ({ value: target, label: targetLabel(target), disabled: target === 'workspace' && !workspaceAvailable })),
        (value) => app.setTarget(value as SaveTarget),
      )}
      <vscode-button id="save" icon="save" ?disabled=${problems > 0} aria-describedby="save-problems dirty-state" @click=${() => app.save()}
        >${l10n.t('Save')}</vscode-button
      >
      <span id="dirty-state" class=${app.dirty ? 'dirty' : 'clean'}>${app.dirty ? l10n.t('Unsaved changes') : l10n.t('No unsaved changes')}</span>
      <span class="spacer"></span>
      ${link('user')} ${workspaceAvailable ? link('workspace') : nothing}
    </div>
    ${workspaceAvailable ? nothing : html`<div class="hint">${l10n.t('Workspace settings: open a folder and trust it to save there.')}</div>`}
    <div id="save-problems" class="error-summary">
      ${
        problems
          ? html`<span class="codicon codicon-error" aria-hidden="true"></span>${
                problems === 1 ? l10n.t('Save is off: fix the problem marked below.') : l10n.t('Save is off: fix the {0} problems marked below.', problems)
              }`
          : nothing
      }
    </div>
    <div id="status" class="status" role="status" aria-live="polite">${app.status}</div>
  </header>`;
}

function banners(app: App): TemplateResult {
  return html`
    ${
      app.external
        ? html`<div class="banner" id="external-banner" role="alert">
            <span class="codicon codicon-info" aria-hidden="true"></span>
            <span>${l10n.t('Settings changed outside this panel. Your unsaved edits are kept.')}</span>
            <vscode-button id="load-external" @click=${() => app.loadExternal()}>${l10n.t('Load them')}</vscode-button>
            <vscode-button id="keep-edits" secondary @click=${() => app.keepEdits()}>${l10n.t('Keep my edits')}</vscode-button>
          </div>`
        : nothing
    }
    ${
      app.alert
        ? html`<div class="banner banner-error" id="rejected" role="alert">
            <span class="codicon codicon-error" aria-hidden="true"></span><span>${app.alert}</span>
            ${
              app.rejectedFields.length
                ? html`<ul>
                    ${app.rejectedFields.map((e) => html`<li>${fieldLabels()[e.path.replace(/^predictionGuard\./, '')] ?? e.path}: ${e.message}</li>`)}
                  </ul>`
                : nothing
            }
          </div>`
        : nothing
    }
  `;
}

export function appView(app: App): TemplateResult {
  if (!app.loaded) return html`<p class="loading-page">${l10n.t('Loading the parameters…')}</p>`;
  return html`
    ${saveBar(app)}
    <main>
      ${banners(app)} ${modelSection(app)} ${generationSection(app)} ${toolsSection(app)} ${safeguardsSection(app)} ${presetsSection(app)}
      ${previewSection(app)}
    </main>
  `;
}
