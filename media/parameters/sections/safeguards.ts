// Safeguards: PII (off/block/replace), replace method (only when replacing), the entity allow-list,
// prompt-injection blocking, factuality and toxicity; each says what it does and what the user sees.
import { html, nothing, type TemplateResult } from 'lit';
import { PII_SETTINGS } from '../../../src/api/parameters';
import { PII_REPLACE_METHODS } from '../../../src/api/requestSchema';
import { checkboxField, section, selectField, textField, type View } from '../fields';
import { PII_TEXT, SAFEGUARD_TEXT } from '../labels';

const PII_CHOICES: Record<(typeof PII_SETTINGS)[number], string> = { off: 'Off', block: 'Block', replace: 'Replace' };
const METHOD_CHOICES: Record<(typeof PII_REPLACE_METHODS)[number], string> = {
  random: 'Random — random characters',
  fake: 'Fake — realistic made-up values',
  category: 'Category — the kind of entity, e.g. PERSON',
  mask: 'Mask — asterisks',
};

export function safeguardsSection(v: View): TemplateResult {
  const f = v.form;
  return section(
    'safeguards-section',
    'Safeguards',
    html`
      <p class="hint">Checks Prediction Guard runs on what you send and on the answer, before you see it.</p>
      ${selectField(
        v,
        { id: 'pii', label: 'PII', key: 'safeguards.pii', source: true, hint: PII_TEXT[f.pii] },
        f.pii,
        PII_SETTINGS.map((value) => ({ value, label: PII_CHOICES[value] })),
        (value, form) => (form.pii = value as typeof form.pii),
      )}
      ${
        f.pii === 'replace'
          ? selectField(
              v,
              {
                id: 'pii-replace-method',
                label: 'Replace method',
                key: 'safeguards.piiReplaceMethod',
                source: true,
                hint: 'What personal information is replaced with. Not set: the server’s default.',
                className: 'nested',
              },
              f.piiReplaceMethod,
              [{ value: '', label: 'Not set' }, ...PII_REPLACE_METHODS.map((value) => ({ value, label: METHOD_CHOICES[value] }))],
              (value, form) => (form.piiReplaceMethod = value as typeof form.piiReplaceMethod),
            )
          : nothing
      }
      ${textField(
        v,
        {
          id: 'entity-list',
          label: 'Entity allow-list',
          key: 'safeguards.entityList',
          source: true,
          hint: `Entity types the PII check ignores, comma separated (e.g. PERSON, URL).${f.pii === 'off' ? ' Used when PII is Block or Replace.' : ''}`,
        },
        f.entityList,
        (text, form) => (form.entityList = text),
        { placeholder: 'e.g. PERSON, URL' },
      )}
      ${checkboxField(
        v,
        {
          id: 'block-prompt-injection',
          label: 'Block prompt injection',
          key: 'safeguards.blockPromptInjection',
          source: true,
          hint: SAFEGUARD_TEXT.blockPromptInjection,
        },
        f.blockPromptInjection,
        (checked, form) => (form.blockPromptInjection = checked),
      )}
      ${checkboxField(
        v,
        { id: 'factuality', label: 'Factuality', key: 'safeguards.factuality', source: true, hint: SAFEGUARD_TEXT.factuality },
        f.factuality,
        (checked, form) => (form.factuality = checked),
      )}
      ${checkboxField(
        v,
        { id: 'toxicity', label: 'Toxicity', key: 'safeguards.toxicity', source: true, hint: SAFEGUARD_TEXT.toxicity },
        f.toxicity,
        (checked, form) => (form.toxicity = checked),
      )}
    `,
  );
}
