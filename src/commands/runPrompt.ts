// Run Prompt on Selection…: a built-in task or one of the user's prompts (`predictionGuard.prompts`),
// picked from a list or named by a keybinding's `{ "prompt": "Add type hints" }`. It runs through
// the same task runner, so request, placement and review are those of the built-in commands.
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import * as z from 'zod/mini';
import '../util/zodEnglish';
import { type LastAnswer } from '../core/factualityInput';
import { findPrompt, promptEntries, type PromptEntry } from '../core/tasks';
import { type PlacementResult } from '../editor/answerPlacer';
import { runTask } from './runTask';
import { type Session } from '../session/session';

const RunPromptArgsSchema = z.object({ prompt: z.string().check(z.trim(), z.minLength(1)) });

async function pickPrompt(entries: readonly PromptEntry[]): Promise<PromptEntry | undefined> {
  const items = entries.map((entry) => ({
    label: entry.name,
    description:
      entry.task === 'custom' ? vscode.l10n.t('your prompt') : entry.fromSettings ? vscode.l10n.t('built-in, your prompt text') : vscode.l10n.t('built-in'),
    detail: entry.prompt?.text,
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Prediction Guard: Run Prompt on Selection'),
    placeHolder: vscode.l10n.t('Pick a prompt to run on the selected code (add your own in predictionGuard.prompts)'),
    matchOnDetail: true,
  });
  return picked?.entry;
}

export async function runPrompt(session: Session, rawArgs?: unknown, lastAnswer?: LastAnswer): Promise<PlacementResult | undefined> {
  const { prompts } = session.settings;
  const entries = promptEntries(prompts);
  const args = RunPromptArgsSchema.safeParse(rawArgs);
  let entry: PromptEntry | undefined;
  if (args.success) {
    entry = findPrompt(args.data.prompt, prompts);
    if (!entry) {
      const names = entries.map((e) => `“${inert(e.name)}”`).join(', ');
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Prediction Guard has no prompt named “{0}”. The prompts are: {1}. Add yours in predictionGuard.prompts.',
          inert(args.data.prompt),
          names,
        ),
      );
      return undefined;
    }
  } else {
    entry = await pickPrompt(entries);
    if (!entry) return undefined;
  }
  return runTask(entry.task, session, entry.prompt ? { prompt: entry.prompt } : {}, lastAnswer);
}
