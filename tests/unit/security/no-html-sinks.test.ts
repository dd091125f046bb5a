/// <reference types="node" />
/**
 * Issue 9, promise 6 (hostile input): user data is never parsed as HTML. No file under src/ may use an
 * HTML sink (`innerHTML`, `outerHTML`, `insertAdjacentHTML`, `document.write`, `{@html}`) unless it is in
 * ALLOWED with the reason it is safe. ESLint's `svelte/no-at-html-tags` covers `{@html}` in components;
 * this test covers TypeScript too (AG Grid renderers, chart plugins) and cannot be silenced by a comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../../src/', import.meta.url).pathname;
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?)\b|\{@html\b/;

/** Files allowed to use a sink, each with why it is safe. Empty today: keep it that way if you can. */
const ALLOWED: Record<string, string> = {};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|js|svelte|html)$/.test(entry.name) ? [path] : [];
  });
}

/** Every `file:line: text` that uses a sink outside the allow-list. */
function htmlSinkUses(root: string, allowed: Record<string, string>): string[] {
  const found: string[] = [];
  for (const file of filesUnder(root)) {
    const name = relative(root, file);
    if (name in allowed) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (SINKS.test(line)) found.push(`src/${name}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('no HTML sinks in src/', () => {
  it('finds no innerHTML, outerHTML, insertAdjacentHTML, document.write or {@html}', () => {
    expect(htmlSinkUses(SRC, ALLOWED)).toEqual([]);
  });

  it('the scan itself finds a sink (so the check above can fail)', () => {
    expect(SINKS.test('cell.innerHTML = value')).toBe(true);
    expect(SINKS.test('el.insertAdjacentHTML("beforeend", x)')).toBe(true);
    expect(SINKS.test('{@html name}')).toBe(true);
    expect(SINKS.test('el.textContent = value')).toBe(false);
  });
});
