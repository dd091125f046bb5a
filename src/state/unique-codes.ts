/**
 * Unique customer codes for the sheet: a typed or pasted code that a live customer already holds is
 * refused, with the holder named ("C0001 · 华成电子"). Codes are compared as `codeKey` does (trim,
 * NFKC, case); the lookup reads the `code` index only (src/storage/customer-codes.ts).
 */
import { getDb } from '../storage/db';
import { findCodeOwners } from '../storage/customer-codes';
import { LinkIndex } from './link-index';
import {
  claimedCodes,
  refuseTakenCodes,
  type PasteColumn,
  type PastePlan,
  type PasteRow,
} from './paste-plan';

/** "C0001 · 华成电子" when a live customer other than `exceptIds` holds `code`, else null. */
export async function codeHolder(code: string, exceptIds: readonly string[]): Promise<string | null> {
  const owner = (await findCodeOwners(getDb(), [code], exceptIds)).values().next().value;
  return owner ? LinkIndex.label(owner) : null;
}

/** The plan of a customers paste with every taken code refused (see `refuseTakenCodes`). */
export async function checkPastedCodes(
  plan: PastePlan<'customers'>,
  columns: readonly PasteColumn[],
  rows: readonly PasteRow[],
): Promise<PastePlan<'customers'>> {
  const { codes, exceptIds } = claimedCodes(plan);
  if (codes.length === 0) return plan;
  const owners = await findCodeOwners(getDb(), codes, exceptIds);
  const labels = new Map([...owners].map(([key, owner]) => [key, LinkIndex.label(owner)]));
  const header = columns.find((c) => c.spec?.field === 'code')?.header ?? 'code';
  const byId = new Map(rows.map((r) => [r.id, r]));
  return refuseTakenCodes(plan, labels, header, (id) => ({
    number: byId.get(id)?.number ?? 0,
    name: String(byId.get(id)?.fields.name ?? ''),
  }));
}
