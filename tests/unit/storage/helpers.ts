import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { openKehuDb, type KehuDb } from '../../../src/storage/db';

const opened: KehuDb[] = [];

/** A KehuDb on a database name no other test uses; deleted after the test. */
export function freshDb(): KehuDb {
  const db = openKehuDb(`kehu-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
