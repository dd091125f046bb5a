/**
 * The duplicate finder's matcher: groups of customers that are probably one firm, each with the
 * reasons it matched and a score.
 *
 * Blocking by key, so the work is near-linear: every customer adds one entry per key it has (normalised
 * name, tax ID, phone, e-mail: see normalise.ts) to a map key → customers; only customers that share a
 * block are joined (union-find), never all pairs. A block larger than `MAX_BLOCK` (a placeholder phone
 * or an e-mail shared by a whole office) says nothing about identity and is left out, and counted.
 *
 * Score of a group = 1 − Π (1 − weight of each kind of reason it has): one shared tax ID 0.95, one
 * e-mail 0.85, one normalised name 0.75, one phone 0.7; name and phone together 1 − 0.25 × 0.3 = 0.925.
 */
import { codeKey, emailKey, nameKey, phoneKey, taxIdKey } from './normalise';

export const MATCH_KINDS = ['taxId', 'email', 'name', 'phone'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** How much one shared key of each kind says that two rows are one firm (0–1). */
export const MATCH_WEIGHTS: Readonly<Record<MatchKind, number>> = {
  taxId: 0.95,
  email: 0.85,
  name: 0.75,
  phone: 0.7,
};

/** A block with more members than this is not evidence of identity and is skipped. */
export const MAX_BLOCK = 20;

/** The facts of one customer the finder compares. */
export interface DuplicateInput {
  id: string;
  code: string;
  name: string;
  taxId: string;
  phone: string;
  email: string;
  updatedAt: number;
}

export interface MatchReason {
  kind: MatchKind;
  /** The shared normalised key, as shown ("华成电子", "13800138000"). */
  key: string;
  /** The members that share it. */
  ids: string[];
}

export interface DuplicateGroup {
  /** Member ids, most recently changed first. */
  ids: string[];
  reasons: MatchReason[];
  score: number;
}

export interface DuplicateResult {
  groups: DuplicateGroup[];
  /** Blocks skipped because too many customers share their key. */
  skippedBlocks: number;
}

const KEYS: Record<MatchKind, (row: DuplicateInput) => string> = {
  taxId: (row) => taxIdKey(row.taxId),
  email: (row) => emailKey(row.email),
  name: (row) => nameKey(row.name),
  phone: (row) => phoneKey(row.phone),
};

/** 1 − Π (1 − w) over the distinct kinds. Example: name + phone → 1 − 0.25 × 0.3 = 0.925. */
export function groupScore(kinds: Iterable<MatchKind>): number {
  let miss = 1;
  for (const kind of new Set(kinds)) miss *= 1 - MATCH_WEIGHTS[kind];
  return Math.round((1 - miss) * 1000) / 1000;
}

function find(parent: Int32Array, i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] as number;
  for (let j = i; parent[j] !== root;) {
    const next = parent[j] as number;
    parent[j] = root;
    j = next;
  }
  return root;
}

/**
 * Groups of probable duplicates among `rows`, best score first (then larger groups, then by the first
 * member's name). Example: 深圳华成电子有限公司 (+86 138-0013-8000) and 华成电子（深圳）(13800138000)
 * form one group with reasons name 华成电子 and phone 13800138000, score 0.925.
 */
export function findDuplicates(rows: readonly DuplicateInput[]): DuplicateResult {
  const parent = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) parent[i] = i;
  const blocks: { kind: MatchKind; key: string; members: number[] }[] = [];
  let skippedBlocks = 0;
  for (const kind of MATCH_KINDS) {
    const byKey = new Map<string, number[]>();
    rows.forEach((row, i) => {
      const key = KEYS[kind](row);
      if (key === '') return;
      const members = byKey.get(key);
      if (members) members.push(i);
      else byKey.set(key, [i]);
    });
    for (const [key, members] of byKey) {
      if (members.length < 2) continue;
      if (members.length > MAX_BLOCK) {
        skippedBlocks++;
        continue;
      }
      blocks.push({ kind, key, members });
      const first = find(parent, members[0] as number);
      for (const m of members) {
        const root = find(parent, m);
        if (root !== first) parent[root] = first;
      }
    }
  }
  const byRoot = new Map<number, { members: Set<number>; reasons: MatchReason[] }>();
  for (const block of blocks) {
    const root = find(parent, block.members[0] as number);
    let group = byRoot.get(root);
    if (!group) {
      group = { members: new Set(), reasons: [] };
      byRoot.set(root, group);
    }
    for (const m of block.members) group.members.add(m);
    group.reasons.push({
      kind: block.kind,
      key: block.key,
      ids: block.members.map((m) => (rows[m] as DuplicateInput).id),
    });
  }
  const groups: DuplicateGroup[] = [...byRoot.values()].map(({ members, reasons }) => {
    const ordered = [...members].sort(
      (a, b) => (rows[b] as DuplicateInput).updatedAt - (rows[a] as DuplicateInput).updatedAt,
    );
    return {
      ids: ordered.map((m) => (rows[m] as DuplicateInput).id),
      reasons,
      score: groupScore(reasons.map((r) => r.kind)),
    };
  });
  const nameOf = new Map(rows.map((r) => [r.id, r.name]));
  groups.sort(
    (a, b) =>
      b.score - a.score ||
      b.ids.length - a.ids.length ||
      (nameOf.get(a.ids[0] ?? '') ?? '').localeCompare(nameOf.get(b.ids[0] ?? '') ?? ''),
  );
  return { groups, skippedBlocks };
}

/** A code two or more live customers share (from older versions or a restore), for the owner to fix. */
export interface CodeClash {
  code: string;
  ids: string[];
}

/**
 * Codes used by more than one row, compared as `codeKey` does (trim, NFKC, case). Example: `C0001` and
 * `ｃ0001 ` → one clash `{ code: 'C0001', ids: [both] }`.
 */
export function findCodeClashes(rows: readonly { id: string; code: string }[]): CodeClash[] {
  const byKey = new Map<string, { code: string; ids: string[] }>();
  for (const row of rows) {
    const k = codeKey(row.code);
    if (k === '') continue;
    const entry = byKey.get(k);
    if (entry) entry.ids.push(row.id);
    else byKey.set(k, { code: row.code, ids: [row.id] });
  }
  return [...byKey.values()].filter((e) => e.ids.length > 1);
}
