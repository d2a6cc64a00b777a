// The long conversation of the bench's reopen figure: stored in the bench suite's window (through the
// test API, as if typed over many days), reopened in the chat's window as a user would.

/** Turns in the stored conversation (not scaled by PG_BENCH_SCALE: the figure is about this length). */
export const LONG_CHAT_TURNS = 200;

export const longChatMarker = (index: number): string => `Stored answer ${index} is here.`;

/** A conversation of `turns` answered turns, each with a code block, in the stored shape (src/chat/conversation.ts). */
export function longConversation(turns: number, now = Date.now()): unknown {
  return {
    id: `bench-long-chat-${now}`,
    title: 'A long chat',
    createdAt: now - turns * 60_000,
    updatedAt: now,
    turns: Array.from({ length: turns }, (_, i) => ({
      id: `bench-turn-${i}`,
      prompt: `Question number ${i}: what does turn${i} hold?`,
      attachments: [],
      status: 'done',
      startedAt: now - (turns - i) * 60_000,
      safeguards: [],
      answer: {
        text: `${longChatMarker(i)}\n\n\`\`\`ts\nexport const turn${i} = ${i};\n\`\`\`\n\n${'Some explanation of the turn. '.repeat(20)}`,
        model: 'gpt-oss-120b',
        ms: 800,
        incomplete: false,
        toolCalls: [],
      },
    })),
  };
}
