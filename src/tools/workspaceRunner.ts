// The workspace tools' implementation (confinement, excludes over picomatch, reading and searching
// files), as one module: esbuild builds it as its own file (dist/tools.js), loaded by vscodeHooks.ts
// the first time a request offers the workspace tools, so activation never parses it.
export { WorkspaceTools } from './workspaceTools';
export { vscodeWorkspaceAccess } from './vscodeWorkspace';
