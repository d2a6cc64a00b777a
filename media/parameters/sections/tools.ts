// Tools: function tools (name, description, JSON Schema parameters, strict), the MCP servers
// (sections/mcp.ts), then tool choice, max tool calls and parallel tool calls.
import { html, nothing, type TemplateResult } from 'lit';
import * as l10n from '../../shared/l10n';
import { repeat } from 'lit/directives/repeat.js';
import { TOOL_CHOICE_MODES } from '../../../src/api/requestSchema';
import { checkboxField, errorLine, removeButton, section, selectField, sourceBadge, textField, type Choice, type View } from '../fields';
import { namedToolChoices, type FormDraft } from '../formModel';
import { newFunctionDraft, removeTool, renameTool, type FunctionDraft } from '../toolsModel';
import { mcpServers } from './mcp';

function functionCard(v: View, tool: FunctionDraft, index: number, number: number): TemplateResult {
  const at = `tools.${index}`;
  const id = `tool-${index}`;
  const title = l10n.t('Function tool {0}', number);
  const update = (form: FormDraft, mutate: (t: FunctionDraft) => void): void => {
    const t = form.tools[index];
    if (t?.kind === 'function') mutate(t);
  };
  return html`<div class="card" role="group" aria-label=${`${title}${tool.name.trim() ? `: ${tool.name.trim()}` : ''}`}>
    <div class="card-head">
      <h4>${title}${tool.name.trim() ? html` · <code>${tool.name.trim()}</code>` : nothing}</h4>
      ${removeButton(id, title, () => v.edit((form) => removeTool(form, index), 'tools'))}
    </div>
    ${textField(
      v,
      {
        id: `${id}-name`,
        label: l10n.t('Name'),
        key: `${at}.name`,
        ariaLabel: l10n.t('Name of {0}', title),
        hint: l10n.t('Letters, digits, _ and -; up to 64.'),
      },
      tool.name,
      (text, form) => update(form, (t) => renameTool(form, t, text)),
      { placeholder: l10n.t('e.g. get_weather') },
    )}
    ${textField(
      v,
      {
        id: `${id}-description`,
        label: l10n.t('Description'),
        key: `${at}.description`,
        ariaLabel: l10n.t('Description of {0}', title),
        hint: l10n.t('What the tool does: the model reads this to decide when to call it.'),
      },
      tool.description,
      (text, form) => update(form, (t) => (t.description = text)),
    )}
    ${textField(
      v,
      {
        id: `${id}-parameters`,
        label: l10n.t('Parameters (JSON Schema)'),
        key: `${at}.parameters`,
        ariaLabel: l10n.t('Parameters of {0} (JSON Schema)', title),
        hint: l10n.t('A JSON Schema with "type": "object". Empty: the tool takes no parameters.'),
      },
      tool.parameters,
      (text, form) => update(form, (t) => (t.parameters = text)),
      { multiline: 6, monospace: true },
    )}
    ${checkboxField(
      v,
      {
        id: `${id}-strict`,
        label: l10n.t('Strict'),
        key: `${at}.strict`,
        ariaLabel: l10n.t('Strict ({0})', title),
        hint: l10n.t('The model must give arguments that match the schema exactly.'),
      },
      tool.strict,
      (checked, form) => update(form, (t) => (t.strict = checked)),
    )}
  </div>`;
}

function toolChoiceChoices(v: View): Choice[] {
  const modes: Record<(typeof TOOL_CHOICE_MODES)[number], string> = {
    none: l10n.t('None — never call a tool'),
    auto: l10n.t('Auto — the model decides'),
    required: l10n.t('Required — call at least one tool'),
  };
  const named = namedToolChoices(v.form);
  const current = v.form.toolChoice;
  const extra: Choice[] = [];
  if (current === 'other') extra.push({ value: 'other', label: l10n.t('As in settings.json: {0}', JSON.stringify(v.form.toolChoiceOther)) });
  else if (current.includes(':') && !named.some((c) => c.value === current))
    extra.push({ value: current, label: l10n.t('{0} (not among the tools)', current.replace(':', ': ')) });
  return [{ value: '', label: l10n.t('Not set') }, ...TOOL_CHOICE_MODES.map((m) => ({ value: m, label: modes[m] })), ...named, ...extra];
}

export function toolsSection(v: View): TemplateResult {
  const f = v.form;
  let functionNumber = 0;
  const functions = repeat(
    f.tools.map((tool, index) => ({ tool, index })).filter((entry): entry is { tool: FunctionDraft; index: number } => entry.tool.kind === 'function'),
    (entry) => entry.tool.uid,
    (entry) => functionCard(v, entry.tool, entry.index, ++functionNumber),
  );
  return section(
    'tools-section',
    l10n.t('Tools'),
    html`
      <p class="hint">${l10n.t('Tools the model may call. Function tools are answered by your own code; MCP servers by the deployment.')}</p>
      ${errorLine('tools', v.errors.tools)}
      <h3>${l10n.t('Function tools')}</h3>
      ${functions}
      <vscode-button id="add-function-tool" secondary icon="add" @click=${() => v.edit((form) => form.tools.push(newFunctionDraft()), 'tools')}
        >${l10n.t('Add function tool')}</vscode-button
      >
      ${mcpServers(v)}
      <h3>${l10n.t('How tools are used')}</h3>
      ${selectField(
        v,
        { id: 'tool-choice', label: l10n.t('Tool choice'), key: 'toolChoice', source: true, hint: l10n.t('Whether the model must call a tool, and which.') },
        f.toolChoice,
        toolChoiceChoices(v),
        (value, form) => (form.toolChoice = value),
      )}
      <div class="number-row">
        ${textField(
          v,
          { id: 'max-tool-calls', label: l10n.t('Max tool calls'), key: 'maxToolCalls', source: true, hint: l10n.t('The most tool calls for one answer.') },
          f.maxToolCalls,
          (text, form) => (form.maxToolCalls = text),
          { narrow: true, placeholder: l10n.t('Not set') },
        )}
        ${selectField(
          v,
          {
            id: 'parallel-tool-calls',
            label: l10n.t('Parallel tool calls'),
            key: 'parallelToolCalls',
            source: true,
            hint: l10n.t('Whether the model may call several tools at once.'),
          },
          f.parallelToolCalls,
          [
            { value: '', label: l10n.t('Not set') },
            { value: 'on', label: l10n.t('On') },
            { value: 'off', label: l10n.t('Off') },
          ],
          (value, form) => (form.parallelToolCalls = value as typeof form.parallelToolCalls),
        )}
      </div>
    `,
    sourceBadge(v, 'tools'),
  );
}
