/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../src/storage/db';

/**
 * The schema guard (STYLE.md, after Actual's schema-guard): every version in the committed snapshot has
 * shipped, so its stores may never change. A new version must be added to the snapshot on purpose.
 */
const SNAPSHOT_URL = new URL('../../fixtures/schema-snapshot.json', import.meta.url);
const UPDATE_COMMAND = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/storage/schema-snapshot.test.ts';

interface Snapshot {
  note: string;
  versions: { version: number; stores: Record<string, string | null> }[];
}

const snapshot = JSON.parse(readFileSync(SNAPSHOT_URL, 'utf8')) as Snapshot;
const current = SCHEMA_VERSIONS.map(({ version, stores }) => ({ version, stores: { ...stores } }));

describe('schema guard', () => {
  it.each(snapshot.versions)('shipped version $version is still declared, unchanged', (shipped) => {
    const declared = current.find((v) => v.version === shipped.version);
    expect(
      declared,
      `Schema version ${shipped.version} has shipped and was removed from SCHEMA_VERSIONS. ` +
        'Shipped versions stay declared forever: put it back and add a new version instead.',
    ).toBeDefined();
    expect(
      declared?.stores,
      `Schema version ${shipped.version} has shipped and its stores were changed. Users' databases ` +
        'already have this version and would never see the change: restore it and add a new version instead ' +
        '(with an upgrade() if rows must change).',
    ).toEqual(shipped.stores);
  });

  it('every declared version is in the snapshot', () => {
    const known = new Set(snapshot.versions.map((v) => v.version));
    const added = current.filter((v) => !known.has(v.version));
    if (added.length > 0 && process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      const next: Snapshot = { ...snapshot, versions: [...snapshot.versions, ...added] };
      writeFileSync(SNAPSHOT_URL, `${JSON.stringify(next, null, 2)}\n`);
      return;
    }
    expect(
      added.map((v) => v.version),
      `New schema version(s) not yet in tests/fixtures/schema-snapshot.json. When the version is final, ` +
        `record it with: ${UPDATE_COMMAND} — and add tests/fixtures/db-v<previous>.json to the upgrade ladder ` +
        '(tests/unit/storage/db-upgrade.test.ts).',
    ).toEqual([]);
  });
});
