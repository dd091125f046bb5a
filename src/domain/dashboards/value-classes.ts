/**
 * The MVC / MGC / BZ lists of the Value dashboard: the selected customers of each value class (set by
 * the value engine, src/domain/analytics/value-class.ts), highest contemporary value first (BZ: most
 * negative first, the ones that cost most). Each list comes with its size and total value.
 *
 * Example: MVC values 500, 900 → MVC list [900, 500], total ¥1 400.
 */
import type { DashCustomer, Members } from './inputs';

export const VALUE_CLASSES = ['MVC', 'MGC', 'BZ'] as const;
export type ListedValueClass = (typeof VALUE_CLASSES)[number];

export interface ValueClassList extends Members {
  valueClass: ListedValueClass;
  value: number;
}

export function valueClassLists(customers: readonly DashCustomer[], mask: Uint8Array): ValueClassList[] {
  return VALUE_CLASSES.map((valueClass) => {
    const members: number[] = [];
    let value = 0;
    for (let i = 0; i < customers.length; i++) {
      const c = customers[i]!;
      if (mask[i] && c.valueClass === valueClass) {
        members.push(i);
        value += c.contemporaryValue;
      }
    }
    const sign = valueClass === 'BZ' ? 1 : -1;
    members.sort((a, b) => sign * (customers[a]!.contemporaryValue - customers[b]!.contemporaryValue));
    return { valueClass, drill: `class:${valueClass}`, members, value };
  });
}
