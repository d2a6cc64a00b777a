// Tools: function tools (name, description, JSON Schema parameters, strict), the MCP servers
// (sections/mcp.ts), then tool choice, max tool calls and parallel tool calls.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { TOOL_CHOICE_MODES } from '../../../src/api/requestSchema';
import { checkboxField, errorLine, section, selectField, sourceBadge, textField, type Choice, type View } from '../fields';
import { namedToolChoices, type FormDraft } from '../formModel';
import { newFunctionDraft, removeTool, renameTool, type FunctionDraft } from '../toolsModel';
import { mcpServers } from './mcp';

function functionCard(v: View, tool: FunctionDraft, index: number, number: number): TemplateResult {
  const at = `tools.${index}`;
  const id = `tool-${index}`;
  const title = `Function tool ${number}`;
  const update = (form: FormDraft, mutate: (t: FunctionDraft) => void): void => {
    const t = form.tools[index];
    if (t?.kind === 'function') mutate(t);
  };
  return html`<div class="card" role="group" aria-label=${`${title}${tool.name.trim() ? `: ${tool.name.trim()}` : ''}`}>
    <div class="card-head">
      <h4>${title}${tool.name.trim() ? html` · <code>${tool.name.trim()}</code>` : nothing}</h4>
      <vscode-button id="${id}-remove" secondary icon="trash" aria-label=${`Remove ${title}`} @click=${() => v.edit((form) => removeTool(form, index), 'tools')}
        >Remove</vscode-button
      >
    </div>
    ${textField(
      v,
      { id: `${id}-name`, label: 'Name', key: `${at}.name`, ariaLabel: `Name of ${title}`, hint: 'Letters, digits, _ and -; up to 64.' },
      tool.name,
      (text, form) => update(form, (t) => renameTool(form, t, text)),
      { placeholder: 'e.g. get_weather' },
    )}
    ${textField(
      v,
      {
        id: `${id}-description`,
        label: 'Description',
        key: `${at}.description`,
        ariaLabel: `Description of ${title}`,
        hint: 'What the tool does: the model reads this to decide when to call it.',
      },
      tool.description,
      (text, form) => update(form, (t) => (t.description = text)),
    )}
    ${textField(
      v,
      {
        id: `${id}-parameters`,
        label: 'Parameters (JSON Schema)',
        key: `${at}.parameters`,
        ariaLabel: `Parameters of ${title} (JSON Schema)`,
        hint: 'A JSON Schema with "type": "object". Empty: the tool takes no parameters.',
      },
      tool.parameters,
      (text, form) => update(form, (t) => (t.parameters = text)),
      { multiline: 6, monospace: true },
    )}
    ${checkboxField(
      v,
      {
        id: `${id}-strict`,
        label: 'Strict',
        key: `${at}.strict`,
        ariaLabel: `Strict (${title})`,
        hint: 'The model must give arguments that match the schema exactly.',
      },
      tool.strict,
      (checked, form) => update(form, (t) => (t.strict = checked)),
    )}
  </div>`;
}

function toolChoiceChoices(v: View): Choice[] {
  const modes: Record<(typeof TOOL_CHOICE_MODES)[number], string> = {
    none: 'None — never call a tool',
    auto: 'Auto — the model decides',
    required: 'Required — call at least one tool',
  };
  const named = namedToolChoices(v.form);
  const current = v.form.toolChoice;
  const extra: Choice[] = [];
  if (current === 'other') extra.push({ value: 'other', label: `As in settings.json: ${JSON.stringify(v.form.toolChoiceOther)}` });
  else if (current.includes(':') && !named.some((c) => c.value === current))
    extra.push({ value: current, label: `${current.replace(':', ': ')} (not among the tools)` });
  return [{ value: '', label: 'Not set' }, ...TOOL_CHOICE_MODES.map((m) => ({ value: m, label: modes[m] })), ...named, ...extra];
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
    'Tools',
    html`
      <p class="hint">Tools the model may call. Function tools are answered by your own code; MCP servers by the deployment.</p>
      ${errorLine('tools', v.errors.tools)}
      <h3>Function tools</h3>
      ${functions}
      <vscode-button id="add-function-tool" secondary icon="add" @click=${() => v.edit((form) => form.tools.push(newFunctionDraft()), 'tools')}
        >Add function tool</vscode-button
      >
      ${mcpServers(v)}
      <h3>How tools are used</h3>
      ${selectField(
        v,
        { id: 'tool-choice', label: 'Tool choice', key: 'toolChoice', source: true, hint: 'Whether the model must call a tool, and which.' },
        f.toolChoice,
        toolChoiceChoices(v),
        (value, form) => (form.toolChoice = value),
      )}
      <div class="number-row">
        ${textField(
          v,
          { id: 'max-tool-calls', label: 'Max tool calls', key: 'maxToolCalls', source: true, hint: 'The most tool calls for one answer.' },
          f.maxToolCalls,
          (text, form) => (form.maxToolCalls = text),
          { narrow: true, placeholder: 'Not set' },
        )}
        ${selectField(
          v,
          {
            id: 'parallel-tool-calls',
            label: 'Parallel tool calls',
            key: 'parallelToolCalls',
            source: true,
            hint: 'Whether the model may call several tools at once.',
          },
          f.parallelToolCalls,
          [
            { value: '', label: 'Not set' },
            { value: 'on', label: 'On' },
            { value: 'off', label: 'Off' },
          ],
          (value, form) => (form.parallelToolCalls = value as typeof form.parallelToolCalls),
        )}
      </div>
    `,
    sourceBadge(v, 'tools'),
  );
}
