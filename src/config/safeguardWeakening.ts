// Which edits of the safeguards weaken them (pure). The parameters panel saves such an edit only
// after the user confirms it in a modal shown by the extension host: a message from the webview
// alone never turns a safeguard off.
import type { PII_SETTINGS, SafeguardSettings } from '../api/parameters';

const PII_RANK: Readonly<Record<(typeof PII_SETTINGS)[number], number>> = { off: 0, replace: 1, block: 2 };

/**
 * What `next` takes away from `current`, one line per safeguard, in the user's terms; empty when
 * nothing is weakened. PII: block > replace > off. Each check: on > off. The entity list names
 * what the PII check ignores, so a new entity on it weakens a check that was and stays on.
 */
export function weakenedSafeguards(current: SafeguardSettings, next: SafeguardSettings): string[] {
  const lost: string[] = [];
  if (PII_RANK[next.pii] < PII_RANK[current.pii]) lost.push(`PII check: ${current.pii} → ${next.pii}`);
  if (current.pii !== 'off' && next.pii !== 'off') {
    const added = next.entityList.filter((entity) => !current.entityList.includes(entity));
    if (added.length) lost.push(`PII check ignores more entities: ${added.join(', ')}`);
  }
  const checks = [
    ['blockPromptInjection', 'Prompt-injection block'],
    ['factuality', 'Factuality check'],
    ['toxicity', 'Toxicity check'],
  ] as const;
  for (const [key, label] of checks) if (current[key] && !next[key]) lost.push(`${label}: on → off`);
  return lost;
}

/**
 * True when saving `next` over `current` may go ahead: nothing is weakened, or the user confirmed
 * the list of what is (`confirm` shows the host's modal warning and answers true only on its
 * explicit confirm button).
 */
export async function mayWeakenSafeguards(
  current: SafeguardSettings,
  next: SafeguardSettings,
  confirm: (lost: readonly string[]) => Thenable<boolean>,
): Promise<boolean> {
  const lost = weakenedSafeguards(current, next);
  return lost.length === 0 || (await confirm(lost));
}
