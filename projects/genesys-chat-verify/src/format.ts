import { escapeControl } from './sanitize';
import type { VerifyResult } from './verify';

/**
 * The table the CLI prints: expected against actual, then the queue. Every cell is escaped
 * (control and bidi characters shown as `\x1b`, `\n`, `\u{202e}`), so one table row is one
 * terminal line and no value can draw a line of its own, such as a fake verdict.
 */
export function formatResult(result: VerifyResult): string {
  const head = ['attribute', 'expected', 'actual', ''];
  const body = result.rows.map((r) => [
    escapeControl(r.key),
    escapeControl(r.expected),
    r.actual === undefined ? '(missing)' : escapeControl(r.actual),
    r.ok ? 'ok' : 'MISMATCH',
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    `conversation ${escapeControl(result.conversationId)}`,
    line(head),
    ...body.map(line),
    `routing queue: ${result.queue === null ? '(none)' : escapeControl(result.queue)}`,
    result.ok
      ? 'all expected attributes match'
      : 'MISMATCH: the conversation does not carry the expected attributes',
  ].join('\n');
}
