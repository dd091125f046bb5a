/**
 * AG Grid Community, with only the modules the sheets use registered (DESIGN.md §6: initial JS budget).
 * Clipboard and range selection are Enterprise features and are not used: copy and paste of
 * tab-separated blocks are ours (src/ui/grid/clipboard.ts), and so is the search box
 * (src/ui/grid/sheet-search.ts, not the quick filter). Extra validation messages only in development.
 */
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  createGrid,
  CustomEditorModule,
  CustomFilterModule,
  DateFilterModule,
  EventApiModule,
  ExternalFilterModule,
  GridStateModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  ValueCacheModule,
  themeQuartz,
} from 'ag-grid-community';

let registered = false;

export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    RowApiModule,
    RenderApiModule,
    ScrollApiModule,
    EventApiModule,
    ColumnApiModule,
    GridStateModule,
    CustomEditorModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    // The filter by value (value-filter.ts).
    CustomFilterModule,
    // The search box filters through `isExternalFilterPresent` / `doesExternalFilterPass`.
    ExternalFilterModule,
    CellStyleModule,
    RowStyleModule,
    RowSelectionModule,
    TooltipModule,
    LocaleModule,
    ValueCacheModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}

export const sheetTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1f5f8b',
  borderColor: '#d9dee5',
  headerBackgroundColor: '#eef2f6',
  rowHeight: 28,
  headerHeight: 32,
  spacing: 6,
  wrapperBorderRadius: 8,
  browserColorScheme: 'light',
});

let stylesReady = false;

/**
 * Builds and drops an empty grid off screen, once per page. AG Grid adds its style sheets to the
 * document with the first grid, and the browser takes them in at the next layout: done here, in a
 * task before the first sheet's grid is built, that work is not part of the task that builds it.
 * Returns false when it was done already.
 */
export function prepareGridStyles(): boolean {
  if (stylesReady) return false;
  stylesReady = true;
  registerGridModules();
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:300px;height:200px;visibility:hidden';
  document.body.append(host);
  const api = createGrid(host, { theme: sheetTheme, columnDefs: [], rowData: [] });
  host.getBoundingClientRect();
  api.destroy();
  host.remove();
  return true;
}
