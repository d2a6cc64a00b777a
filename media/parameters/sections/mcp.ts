// MCP servers: the deployment's (GET /mcp_servers: pick one, check the tools it may use) and custom
// ones (label, URL, description, allowed tools, headers). An authorization value is a secret: the
// extension asks for it in a masked input box and keeps it in secret storage; this page only learns
// whether one is stored (state.mcpSecrets).
import { html, nothing, type TemplateResult } from 'lit';
import * as l10n from '../../shared/l10n';
import { repeat } from 'lit/directives/repeat.js';
import { checkboxField, errorLine, field, loadingLine, removeButton, selectControl, textField, type View } from '../fields';
import { type FormDraft } from '../formModel';
import { newMcpDraft, removeTool, renameTool, type McpDraft } from '../toolsModel';

function knownTools(v: View, tool: McpDraft): string[] {
  const listed = v.state.mcpServers.items.find((s) => s.serverLabel === tool.serverLabel.trim())?.tools ?? [];
  return [...new Set([...listed, ...(tool.allowedTools ?? [])])];
}

function toggleAllowed(tool: McpDraft, known: readonly string[], name: string, on: boolean): void {
  const current = tool.allowedTools ?? [...known];
  const next = on ? [...current, name] : current.filter((n) => n !== name);
  tool.allowedTools = known.filter((n) => next.includes(n));
}

function allowedToolsChecks(v: View, tool: McpDraft, index: number, id: string): TemplateResult {
  const known = knownTools(v, tool);
  const key = `tools.${index}.allowed_tools`;
  if (!known.length) return html`<p class="hint">${l10n.t('Every tool the server offers is allowed (the deployment lists none by name).')}</p>`;
  return html`<div class="allowed-tools" role="group" aria-labelledby="${id}-allowed-heading">
    <div class="field-label"><span class="sublabel" id="${id}-allowed-heading">${l10n.t('Allowed tools')}</span></div>
    <div class="checks">
      ${known.map((name, n) =>
        checkboxField(
          v,
          { id: `${id}-allowed-${n}`, label: name, key: `${key}.${name}` },
          tool.allowedTools === null || tool.allowedTools.includes(name),
          (checked, form) => {
            const t = form.tools[index];
            if (t?.kind === 'mcp') toggleAllowed(t, known, name, checked);
          },
        ),
      )}
    </div>
    ${errorLine(`${id}-allowed`, v.errors[key])}
  </div>`;
}

function authorizationRow(v: View, tool: McpDraft, id: string): TemplateResult {
  const label = tool.serverLabel.trim();
  const stored = label !== '' && v.state.mcpSecrets.includes(label);
  return html`<div class="row authorization">
      <vscode-button
        id="${id}-authorization"
        secondary
        icon="key"
        ?disabled=${!label}
        aria-label=${label ? l10n.t('Authorization for {0}…', label) : l10n.t('Authorization for this MCP server…')}
        @click=${() => v.post({ type: 'setMcpSecret', serverLabel: label, serverUrl: tool.serverUrl.trim() || undefined })}
        >${l10n.t('Authorization…')}</vscode-button
      >
      ${
        stored
          ? html`<span class="stored" id="${id}-authorization-stored">${l10n.t('Stored ✓')}</span>
              <vscode-button
                id="${id}-authorization-clear"
                secondary
                aria-label=${l10n.t('Clear the authorization for {0}', label)}
                @click=${() => v.post({ type: 'clearMcpSecret', serverLabel: label, serverUrl: tool.serverUrl.trim() || undefined })}
                >${l10n.t('Clear')}</vscode-button
              >`
          : html`<span class="hint">${l10n.t('None stored.')}</span>`
      }
    </div>
    <div class="hint">${l10n.t("Kept in VS Code's secret storage, never in settings; sent as this server's authorization.")}</div>`;
}

function mcpCard(v: View, tool: McpDraft, index: number, number: number): TemplateResult {
  const at = `tools.${index}`;
  const id = `tool-${index}`;
  const label = tool.serverLabel.trim();
  const title = l10n.t('MCP server {0}', number);
  const update = (form: FormDraft, mutate: (t: McpDraft) => void): void => {
    const t = form.tools[index];
    if (t?.kind === 'mcp') mutate(t);
  };
  const listed = v.state.mcpServers.items.find((s) => s.serverLabel === label);
  return html`<div class="card" role="group" aria-label=${`${title}${label ? `: ${label}` : ''}`}>
    <div class="card-head">
      <h4>
        ${title}${label ? html` · <code>${label}</code>` : nothing} <span class="kind">${tool.custom ? l10n.t('custom') : l10n.t('from the deployment')}</span>
      </h4>
      ${removeButton(id, title, () => v.edit((form) => removeTool(form, index), 'tools'))}
    </div>
    ${
      tool.custom
        ? html`
            ${textField(
              v,
              { id: `${id}-label`, label: l10n.t('Server label'), key: `${at}.server_label`, ariaLabel: l10n.t('Server label of {0}', title) },
              tool.serverLabel,
              (text, form) => update(form, (t) => renameTool(form, t, text)),
            )}
            ${textField(
              v,
              {
                id: `${id}-url`,
                label: l10n.t('URL'),
                key: `${at}.server_url`,
                ariaLabel: l10n.t('URL of {0}', title),
                hint: l10n.t('The server the deployment connects to (https://; http:// only for localhost).'),
              },
              tool.serverUrl,
              (text, form) => update(form, (t) => (t.serverUrl = text)),
            )}
            ${textField(
              v,
              {
                id: `${id}-description`,
                label: l10n.t('Description'),
                key: `${at}.server_description`,
                ariaLabel: l10n.t('Description of {0}', title),
              },
              tool.serverDescription,
              (text, form) => update(form, (t) => (t.serverDescription = text)),
            )}
            ${textField(
              v,
              {
                id: `${id}-allowed`,
                label: l10n.t('Allowed tools'),
                key: `${at}.allowed_tools`,
                ariaLabel: l10n.t('Allowed tools of {0}', title),
                hint: l10n.t('Comma separated. Empty: every tool the server offers.'),
              },
              tool.allowedToolsText,
              (text, form) => update(form, (t) => (t.allowedToolsText = text)),
            )}
          `
        : html`${listed?.description || tool.serverDescription ? html`<p class="hint">${listed?.description || tool.serverDescription}</p>` : nothing}
          ${allowedToolsChecks(v, tool, index, id)}`
    }
    ${
      tool.custom || tool.headers
        ? textField(
            v,
            {
              id: `${id}-headers`,
              label: l10n.t('Headers'),
              key: `${at}.headers`,
              ariaLabel: l10n.t('Headers of {0}', title),
              hint: l10n.t('One “Name: value” per line. Not for secrets: use “Authorization…” below.'),
            },
            tool.headers,
            (text, form) => update(form, (t) => (t.headers = text)),
            { multiline: 2, monospace: true },
          )
        : nothing
    }
    ${authorizationRow(v, tool, id)}
  </div>`;
}

function deploymentPicker(v: View): TemplateResult {
  const { mcpServers: list } = v.state;
  const added = new Set(v.form.tools.flatMap((t) => (t.kind === 'mcp' ? [t.serverLabel.trim()] : [])));
  const available = list.items.filter((s) => !added.has(s.serverLabel));
  const pick = available.some((s) => s.serverLabel === v.ui.mcpPick) ? v.ui.mcpPick : (available[0]?.serverLabel ?? '');
  let status: TemplateResult | typeof nothing = nothing;
  if (list.status === 'loading') status = loadingLine(l10n.t('Loading the MCP servers your deployment offers…'));
  else if (list.status === 'error')
    status = html`<div class="list-error" role="alert">
      <span class="codicon codicon-warning" aria-hidden="true"></span>${list.error ?? l10n.t('The MCP server list could not be loaded.')}
    </div>`;
  else if (list.status === 'ready' && !list.items.length) status = html`<span class="hint">${l10n.t('The deployment lists no MCP servers.')}</span>`;
  else if (list.status === 'ready' && !available.length) status = html`<span class="hint">${l10n.t('Every server the deployment lists is added.')}</span>`;
  const spec = { id: 'mcp-server-pick', label: l10n.t('Deployment MCP server'), key: 'mcp-server-pick' };
  const add = (): void => {
    const server = list.items.find((s) => s.serverLabel === pick);
    if (!server) return;
    v.edit((form) => form.tools.push(newMcpDraft(false, server.serverLabel)), 'tools');
  };
  return html`
    ${
      available.length
        ? field(
            v,
            spec,
            html`<div class="row">
              ${selectControl(
                v,
                spec,
                pick,
                available.map((s) => ({ value: s.serverLabel, label: `${s.serverLabel}${s.description ? ` — ${s.description}` : ''}` })),
                (value) => v.setUi((ui) => (ui.mcpPick = value)),
              )}
              <vscode-button id="mcp-server-add" secondary icon="add" @click=${add}>${l10n.t('Add server')}</vscode-button>
            </div>`,
          )
        : nothing
    }
    <div class="row list-actions">
      <vscode-button
        id="refresh-mcp-servers"
        secondary
        icon="refresh"
        ?disabled=${list.status === 'loading'}
        @click=${() => v.post({ type: 'refreshMcpServers' })}
        >${l10n.t('Refresh MCP servers')}</vscode-button
      >
      ${status}
    </div>
  `;
}

export function mcpServers(v: View): TemplateResult {
  let number = 0;
  const cards = repeat(
    v.form.tools.map((tool, index) => ({ tool, index })).filter((entry): entry is { tool: McpDraft; index: number } => entry.tool.kind === 'mcp'),
    (entry) => entry.tool.uid,
    (entry) => mcpCard(v, entry.tool, entry.index, ++number),
  );
  return html`<h3>${l10n.t('MCP servers')}</h3>
    ${deploymentPicker(v)} ${cards}
    <vscode-button id="add-custom-mcp-server" secondary icon="add" @click=${() => v.edit((form) => form.tools.push(newMcpDraft(true)), 'tools')}
      >${l10n.t('Add custom MCP server')}</vscode-button
    >`;
}
