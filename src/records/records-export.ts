/** The export's lines: CSV or JSON Lines, one record each, streamed as the store reads them. */
import type { StoredRecord } from './record-store.js';

const CSV_COLUMNS = ['seq', 'id', 'timestamp', 'receivedAt', 'decision', 'method', 'categories', 'services', 'gpc', 'language', 'revision', 'configHash', 'shownHash', 'ip', 'userAgent'] as const;
const csvCell = (value: unknown) => {
  const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function* exportLines(records: AsyncIterable<StoredRecord>, format: 'csv' | 'jsonl'): AsyncGenerator<string> {
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const record of records) {
    yield format === 'csv' ? `${CSV_COLUMNS.map((column) => csvCell(record[column])).join(',')}\r\n` : `${JSON.stringify(record)}\n`;
  }
}
