/**
 * Fills `{name}` placeholders of a message with parameters. A placeholder without a parameter is
 * left as it is, so a missing parameter shows up on screen instead of vanishing silently.
 * Example: `fillMessage('Showing {shown} of {total}', { shown: 5, total: 9 })` → `'Showing 5 of 9'`.
 */
export function fillMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The placeholder names of a message, sorted: used to check that translations agree. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
