// What a tool sends back is capped (64 KB, 400 lines) and says when it was cut; binary files are
// refused. Pure.

export const MAX_OUTPUT_BYTES = 64 * 1024;
export const MAX_OUTPUT_LINES = 400;
export const BINARY = 'binary file';

export interface Capped {
  readonly text: string;
  /** How many lines were kept (of `totalLines`). */
  readonly keptLines: number;
  readonly totalLines: number;
  readonly cut: boolean;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Keeps whole lines while both caps hold (a single over-long line is cut at the byte cap). */
export function capLines(lines: readonly string[], maxLines = MAX_OUTPUT_LINES, maxBytes = MAX_OUTPUT_BYTES): Capped {
  const kept: string[] = [];
  let bytes = 0;
  let cut = false;
  for (const line of lines) {
    if (kept.length >= maxLines) {
      cut = true;
      break;
    }
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > maxBytes) {
      if (kept.length === 0) kept.push(truncateUtf8(line, maxBytes - 1));
      cut = true;
      break;
    }
    kept.push(line);
    bytes += size;
  }
  return { text: kept.join('\n'), keptLines: kept.length, totalLines: lines.length, cut };
}

function truncateUtf8(text: string, maxBytes: number): string {
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= maxBytes) return text;
  return new TextDecoder('utf-8').decode(buffer.subarray(0, maxBytes)).replace(/\uFFFD+$/, '');
}

/** A whole tool output capped, with a closing line that says it was cut. */
export function capOutput(text: string, maxLines = MAX_OUTPUT_LINES, maxBytes = MAX_OUTPUT_BYTES): string {
  const capped = capLines(splitLines(text), maxLines, maxBytes - 200);
  return capped.cut
    ? `${capped.text}\n[output cut: showing ${capped.keptLines} of ${capped.totalLines} lines; the cap is ${maxLines} lines or ${Math.round(maxBytes / 1024)} KB]`
    : capped.text;
}

/**
 * Binary: a NUL byte in the first 8 KB, or bytes that are not UTF-8. Text files are returned as decoded
 * text (a leading byte-order mark removed); undefined for binary.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export { splitLines };
