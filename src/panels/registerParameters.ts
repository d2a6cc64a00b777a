// The parameters panel's command and serializer. The panel itself (with its catalog and settings
// writers) is loaded on first use: in the bundle `./parametersPanel` is dist/panel.js (see esbuild.mjs).
import * as vscode from 'vscode';
import type * as Panel from './parametersPanel';
import { PARAMETERS_VIEW_TYPE } from './parametersViewType';

let panelModule: typeof Panel | undefined;

function loadPanel(): typeof Panel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  panelModule ??= require('./parametersPanel') as typeof Panel;
  return panelModule;
}

export function registerParametersPanel(deps: Panel.ParametersPanelDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('predictionGuard.openParameters', () => {
      loadPanel().ParametersPanel.createOrShow(deps);
    }),
    vscode.window.registerWebviewPanelSerializer(PARAMETERS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        loadPanel().ParametersPanel.revive(panel, deps);
      },
    }),
  ];
}
