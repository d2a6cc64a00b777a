// Phase 3 of `npm run test:host`: Workspace Trust ON (code-server without --disable-workspace-trust),
// its own code-server, browser profile and workspace with a hostile .vscode/settings.json.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StandIn } from '../server/standInServer';
import { makeDirs, quietSettings, remoteUri, startCodeServer, writeUserSettings } from './codeServer';
import type { UiFigures } from './faultSummary';
import { restrictedModeOffersNoTools, WORKSPACE_TOOLS_ALLOW } from './ui/restrictedMode';
import { INITIAL_WORKSPACE_SETTINGS, USER_SETTINGS, workspaceAttacksNeedApproval, writeWorkspaceSettings } from './ui/workspaceAttacks';
import { workspaceCannotSkipReview } from './ui/workspaceGuard';
import { launchBrowser, screenshot, workbenchUrl } from './workbench';

export const RESTRICTED_TEST_TITLE =
  'Restricted Mode: Ask About Selection offers no workspace tools (user setting "allow"), and a read_file call is refused unread';
export const TRUST_TEST_TITLE =
  'trusted workspace: safeguards stay on, instructions and tools wait for Allow, MCP secret never goes to its URL, http: MCP refused, workspace tools offered';
export const GUARD_TEST_TITLE =
  'trusted workspace: review "apply", its model and an "Improve Selection" prompt wait for Allow; Improve sends the built-in prompt and opens a diff';

export interface TrustPhaseOptions {
  standIn: StandIn;
  token: string;
  extensionPath: string;
  figures: UiFigures;
  report(outcome: { title: string; passed: boolean; error?: string }, ms?: number): void;
}

export async function runTrustPhase(options: TrustPhaseOptions): Promise<void> {
  const dirs = makeDirs('pg-trust-');
  mkdirSync(join(dirs.workspace, '.vscode'), { recursive: true });
  writeWorkspaceSettings(dirs.workspace, INITIAL_WORKSPACE_SETTINGS);
  writeUserSettings(dirs.userDataDir, {
    ...quietSettings,
    'security.workspace.trust.enabled': true,
    // Restricted Mode's banner comes in above the title bar a moment after the trust prompt's "No": it
    // moved the workbench down under a command palette already open, whose row then took no click.
    // The tests read Restricted Mode from the status bar.
    'security.workspace.trust.banner': 'never',
    'git.enabled': false,
    'predictionGuard.baseUrl': options.standIn.baseUrl,
    'predictionGuard.model': 'gpt-oss-120b',
    ...USER_SETTINGS,
    ...WORKSPACE_TOOLS_ALLOW,
  });
  const server = await startCodeServer({ dirs, workspaceTrust: true });
  const { browser, page } = await launchBrowser();
  const t0 = Date.now();
  try {
    const payload: [string, string][] = [['extensionDevelopmentPath', remoteUri(server.port, options.extensionPath)]];
    // A fresh code-server's first page load can be slow on a busy machine: wait for the DOM, then the layout.
    await page.goto(workbenchUrl(server.url, dirs.workspace, payload), { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
    const ctx = {
      page,
      standIn: options.standIn,
      token: options.token,
      workspace: dirs.workspace,
      userDataDir: dirs.userDataDir,
      figures: options.figures,
      log: (m: string) => console.log(`       ${m}`),
      // The user's settings offer an MCP server: every command run asks first (issue 20 item 6).
      mcpConsent: 'Allow' as const,
    };
    // Each test reports on its own; a failed one leaves a screenshot and the next still runs.
    const run = async (title: string, shot: string, test: (c: typeof ctx) => Promise<void>, started = Date.now()): Promise<void> => {
      try {
        await test(ctx);
        options.report({ title, passed: true }, Date.now() - started);
      } catch (error) {
        await screenshot(page, shot).catch(() => undefined);
        options.report({ title, passed: false, error: error instanceof Error ? error.message : String(error) }, Date.now() - started);
      }
    };
    // First in Restricted Mode ("No, I don't trust the authors"), then trusted from the Workspace Trust editor.
    await run(RESTRICTED_TEST_TITLE, 'failed-restricted-mode', restrictedModeOffersNoTools, t0);
    await run(TRUST_TEST_TITLE, 'failed-trusted-workspace', workspaceAttacksNeedApproval);
    await run(GUARD_TEST_TITLE, 'failed-workspace-guard', workspaceCannotSkipReview);
  } catch (error) {
    // The workbench never came up.
    await screenshot(page, 'failed-trust-phase').catch(() => undefined);
    options.report(
      { title: `trust phase: ${TRUST_TEST_TITLE}`, passed: false, error: error instanceof Error ? error.message : String(error) },
      Date.now() - t0,
    );
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (!process.env.PG_KEEP_DIRS) dirs.cleanup();
  }
}
