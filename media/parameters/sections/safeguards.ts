// Safeguards: PII (off/block/replace), replace method (only when replacing), the entity allow-list,
// prompt-injection blocking, factuality and toxicity; each says what it does and what the user sees.
import { html, nothing, type TemplateResult } from 'lit';
import { PII_SETTINGS } from '../../../src/api/parameters';
import { PII_REPLACE_METHODS } from '../../../src/api/requestSchema';
import { checkboxField, section, selectField, textField, type View } from '../fields';
import * as l10n from '../../shared/l10n';
import { piiText, safeguardText } from '../labels';

const piiChoices = (): Record<(typeof PII_SETTINGS)[number], string> => ({ off: l10n.t('Off'), block: l10n.t('Block'), replace: l10n.t('Replace') });
const methodChoices = (): Record<(typeof PII_REPLACE_METHODS)[number], string> => ({
  random: l10n.t('Random — random characters'),
  fake: l10n.t('Fake — realistic made-up values'),
  category: l10n.t('Category — the kind of entity, e.g. PERSON'),
  mask: l10n.t('Mask — asterisks'),
});

export function safeguardsSection(v: View): TemplateResult {
  const f = v.form;
  return section(
    'safeguards-section',
    l10n.t('Safeguards'),
    html`
      <p class="hint">${l10n.t('Checks Prediction Guard runs on what you send and on the answer, before you see it.')}</p>
      ${selectField(
        v,
        { id: 'pii', label: l10n.t('PII'), key: 'safeguards.pii', source: true, hint: piiText(f.pii) },
        f.pii,
        PII_SETTINGS.map((value) => ({ value, label: piiChoices()[value] })),
        (value, form) => (form.pii = value as typeof form.pii),
      )}
      ${
        f.pii === 'replace'
          ? selectField(
              v,
              {
                id: 'pii-replace-method',
                label: l10n.t('Replace method'),
                key: 'safeguards.piiReplaceMethod',
                source: true,
                hint: l10n.t('What personal information is replaced with. Not set: the server’s default.'),
                className: 'nested',
              },
              f.piiReplaceMethod,
              [{ value: '', label: l10n.t('Not set') }, ...PII_REPLACE_METHODS.map((value) => ({ value, label: methodChoices()[value] }))],
              (value, form) => (form.piiReplaceMethod = value as typeof form.piiReplaceMethod),
            )
          : nothing
      }
      ${textField(
        v,
        {
          id: 'entity-list',
          label: l10n.t('Entity allow-list'),
          key: 'safeguards.entityList',
          source: true,
          hint:
            f.pii === 'off'
              ? l10n.t('Entity types the PII check ignores, comma separated (e.g. PERSON, URL). Used when PII is Block or Replace.')
              : l10n.t('Entity types the PII check ignores, comma separated (e.g. PERSON, URL).'),
        },
        f.entityList,
        (text, form) => (form.entityList = text),
        { placeholder: l10n.t('e.g. PERSON, URL') },
      )}
      ${checkboxField(
        v,
        {
          id: 'block-prompt-injection',
          label: l10n.t('Block prompt injection'),
          key: 'safeguards.blockPromptInjection',
          source: true,
          hint: safeguardText('blockPromptInjection'),
        },
        f.blockPromptInjection,
        (checked, form) => (form.blockPromptInjection = checked),
      )}
      ${checkboxField(
        v,
        { id: 'factuality', label: l10n.t('Factuality'), key: 'safeguards.factuality', source: true, hint: safeguardText('factuality') },
        f.factuality,
        (checked, form) => (form.factuality = checked),
      )}
      ${checkboxField(
        v,
        { id: 'toxicity', label: l10n.t('Toxicity'), key: 'safeguards.toxicity', source: true, hint: safeguardText('toxicity') },
        f.toxicity,
        (checked, form) => (form.toxicity = checked),
      )}
    `,
  );
}
