// The parameters panel's webview type: registered at activation, used by the panel loaded later.
export const PARAMETERS_VIEW_TYPE = 'predictionGuard.parameters';
