/**
 * The dialect of a CSV text: its delimiter and its line ending, sniffed from the first lines.
 *
 * The delimiter is the candidate (comma, semicolon, tab, pipe) that splits the first records into the
 * same number of fields (more than one) most consistently; ties go to the order of `DELIMITERS`, so a
 * one-column file is read as comma-separated. Quoted fields are skipped while counting, so a comma inside
 * `"1,5"` does not vote.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type Newline = '\r\n' | '\n' | '\r';

/** Field counts of the first `maxRecords` records of `text` for `delimiter`, honouring quotes. */
function fieldCounts(text: string, delimiter: string, maxRecords: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields++;
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      counts.push(fields);
      fields = 1;
      atFieldStart = true;
    } else {
      atFieldStart = false;
    }
  }
  return counts;
}

/**
 * The most likely delimiter of `sample` (the first few kilobytes of the decoded text).
 *
 * Example: `'名称;金额\nA;1,5\n'` → `';'` (two fields on every line, while `,` gives 1 and 2).
 */
export function sniffDelimiter(sample: string, maxRecords = 20): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    // The last record may be cut by the end of the sample: leave it out unless it is the only one.
    const all = fieldCounts(sample, delimiter, maxRecords + 1);
    const counts = all.length > 1 ? all.slice(0, maxRecords) : all;
    if (counts.length === 0) continue;
    const first = counts[0] ?? 1;
    if (first < 2) continue;
    const agreeing = counts.filter((c) => c === first).length;
    const score = (agreeing / counts.length) * 1000 + Math.min(first, 999) / 1000;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** The line ending of the first record end outside quotes; `'\r\n'` when the text has none. */
export function detectNewline(sample: string): Newline {
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\r') return sample[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!inQuotes && ch === '\n') return '\n';
  }
  return '\r\n';
}
