/**
 * A cell edit refused because the value changed elsewhere (another tab) since the editor read it
 * (storage/repo.ts, 'conflict'). The owner chooses: keep mine (write it over theirs) or take theirs.
 */
import { cellText } from '../domain/cell-values';
import { i18n } from '../i18n/i18n.svelte';
import { AppStorageError, type WriteConflict } from '../storage/errors';
import type { LinkIndex } from './link-index';
import { cellKindOf, type FieldColumn } from './sheet-columns';

export interface EditConflict {
  spec: FieldColumn;
  /** The column header. */
  column: string;
  /** What the owner typed. */
  mine: string;
  /** The value stored now, as the sheet shows it. */
  theirs: string;
  /** The change that writes mine over theirs (its `before` is theirs, for undo). */
  retry: { id: string; patch: Record<string, unknown>; before: Record<string, unknown> };
}

/** The first conflict of a refused write, or null when the error is something else. */
export function conflictOf(error: unknown): WriteConflict | null {
  return error instanceof AppStorageError && error.kind === 'conflict'
    ? (error.conflicts?.[0] ?? null)
    : null;
}

/** The prompt for a conflict on the cell `spec` of a row, `text` being what the owner typed. */
export function editConflict(
  conflict: WriteConflict,
  spec: FieldColumn,
  column: string,
  text: string,
  links: { customers: LinkIndex; productLines: LinkIndex },
): EditConflict {
  const kind = cellKindOf(spec, i18n.language, {
    customer: links.customers.resolve,
    productLine: links.productLines.resolve,
  });
  const index =
    spec.type === 'customer' ? links.customers : spec.type === 'productLine' ? links.productLines : null;
  const theirs = cellText(kind, conflict.theirs, (id) => index?.nameOf(id) ?? id);
  const patch = { [conflict.field]: conflict.mine };
  return {
    spec,
    column,
    mine: text,
    theirs,
    retry: { id: conflict.id, patch, before: { [conflict.field]: conflict.theirs } },
  };
}
