// "Open full answer in editor": an answer too long for the chat view opens whole in an untitled
// Markdown document, made inert in its text (no remote image, raw HTML or script link survives), so
// no preview setting can load or run what it holds.
import * as vscode from 'vscode';
import { neutralizeMarkdown } from '../core/markdown/lazyMarkdown';
import { type Turn } from './conversation';

export async function openFullAnswer(turn: Turn | undefined): Promise<void> {
  const text = turn?.answer?.text;
  if (!text) return;
  const document = await vscode.workspace.openTextDocument({ content: neutralizeMarkdown(text), language: 'markdown' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}
