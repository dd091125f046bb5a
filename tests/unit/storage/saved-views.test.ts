import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  deleteView,
  loadViews,
  normaliseViews,
  saveView,
  setCurrentView,
  viewsKey,
} from '../../../src/storage/saved-views';
import { freshDb } from './helpers';

const byRegion = {
  name: 'East China',
  grid: { filter: { filterModel: { region: { filterType: 'text', type: 'contains', filter: '华东' } } } },
  search: '',
};

describe('saved views', () => {
  it('has no views on a fresh database', async () => {
    expect(await loadViews(freshDb(), 'customers')).toEqual({ views: [], current: '' });
  });

  it('saves a view per sheet, makes it current and reads it back', async () => {
    const db = freshDb();
    await saveView(db, 'customers', byRegion);
    expect(await loadViews(db, 'customers')).toEqual({ views: [byRegion], current: 'East China' });
    expect(await loadViews(db, 'deals')).toEqual({ views: [], current: '' });
    expect((await db.settings.get(viewsKey('customers')))?.value).toBeDefined();
  });

  it('replaces a view of the same name, deletes one and forgets it as current', async () => {
    const db = freshDb();
    await saveView(db, 'deals', { ...byRegion, name: 'Mine', search: 'a' });
    await saveView(db, 'deals', { ...byRegion, name: 'Mine', search: 'b' });
    await saveView(db, 'deals', { ...byRegion, name: 'Other' });
    let views = await setCurrentView(db, 'deals', 'Mine');
    expect(views.views.map((v) => [v.name, v.search])).toEqual([
      ['Mine', 'b'],
      ['Other', ''],
    ]);
    views = await deleteView(db, 'deals', 'Mine');
    expect(views).toEqual({ views: [{ ...byRegion, name: 'Other' }], current: '' });
  });

  it('reads an unreadable record as no views and drops malformed entries', () => {
    expect(normaliseViews('garbage')).toEqual({ views: [], current: '' });
    expect(
      normaliseViews({
        views: [byRegion, { name: '', grid: {}, search: '' }, { name: 'x', grid: 3, search: '' }, byRegion],
        current: 'missing',
      }),
    ).toEqual({ views: [byRegion], current: '' });
  });

  it('refuses to save a view without a name', async () => {
    await expect(saveView(freshDb(), 'customers', { ...byRegion, name: '  ' })).rejects.toThrow();
  });
});
