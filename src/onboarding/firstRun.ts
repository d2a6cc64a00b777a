// When the walkthrough opens by itself: once, on the first activation after install, and only when the
// user has not turned VS Code's "open walkthroughs on install" off. Pure.

/** The walkthrough's id as `workbench.action.openWalkthrough` takes it: `<publisher>.<name>#<id>`. */
export function walkthroughId(manifest: { publisher: string; name: string }, id = 'getStarted'): string {
  return `${manifest.publisher}.${manifest.name}#${id}`;
}

/** The globalState key remembering that the walkthrough was opened once. */
export const WALKTHROUGH_SHOWN_KEY = 'predictionGuard.walkthroughShown';

export function shouldOpenWalkthrough(state: { alreadyShown: boolean; openOnInstall: boolean }): boolean {
  return !state.alreadyShown && state.openOnInstall;
}
