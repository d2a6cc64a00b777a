// The long conversation of the bench's reopen figure: typed turn by turn through the chat (the suite's
// window keeps no workspace storage for the chat's window to read), then reopened as a user would.

/** Turns in the conversation (not scaled by PG_BENCH_SCALE: the figure is about this length). */
export const LONG_CHAT_TURNS = 200;

export const longChatMarker = (index: number): string => `Stored answer ${index} is here.`;

/** The answer of turn `index`: a line, a code block and a paragraph. */
export function longChatAnswer(index: number): string {
  return `${longChatMarker(index)}\n\n\`\`\`ts\nexport const turn${index} = ${index};\n\`\`\`\n\n${'Some explanation of the turn. '.repeat(20)}`;
}
