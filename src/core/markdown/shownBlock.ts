// Copy / Insert / Replace / New File act on a code block the chat showed. The webview names the block
// by its id and says what code it showed; the host acts on the code *it* holds for that id, and only
// when that is exactly what was shown (never on the webview's text). Pure.

/** The host's block `id`, when its code is `shown`; undefined when there is none or they differ. */
export function shownBlock<T extends { readonly code: string }>(blocks: readonly T[], id: number, shown: string): T | undefined {
  const block = blocks[id];
  return block && block.code === shown ? block : undefined;
}
