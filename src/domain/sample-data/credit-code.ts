/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) for the sample customers.
 *
 * 18 characters: registration authority (9 = market regulator), organisation type (1 = enterprise,
 * 2 = individual business), 6-digit administrative division, 9-character organisation code (itself
 * ending in a GB 11714 check character) and a final check character. A private copy of the check
 * computation lives here so the sample data does not depend on the app's validator (src/domain/uscc.ts):
 * the two are meant to agree, and a test here pins known real codes.
 */
import type { Rng } from './rng';

/** The 31 characters a credit code may use (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Letters an organisation code may contain (all in the credit-code charset). */
const ORG_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'T'];
/** GB 11714 organisation-code weights for the first 8 characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The check character of the first 17 characters of a credit code:
 * `charset[(31 − Σ wᵢ·cᵢ mod 31) mod 31]`, cᵢ = index of character i in the charset.
 * Returns `null` when `body` is not 17 charset characters.
 *
 * Example: `usccCheckChar('91440300192203821')` → `'6'` (Huawei Technologies, 914403001922038216).
 */
export function usccCheckChar(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = USCC_CHARSET.indexOf(body.charAt(i));
    if (c < 0) return null;
    sum += (USCC_WEIGHTS[i] ?? 0) * c;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** True when `code` is 18 charset characters with a correct final check character. */
export function isValidUscc(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/**
 * GB 11714 check character of an 8-character organisation code body:
 * `11 − Σ wᵢ·cᵢ mod 11`, with 10 → 'X' and 11 → '0' (digits count as themselves, letters A = 10 …).
 */
function orgCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body.charCodeAt(i);
    const v = ch <= 57 ? ch - 48 : ch - 55;
    sum += (ORG_WEIGHTS[i] ?? 0) * v;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A plausible credit code: `division` is a 6-digit administrative division code, `individual` selects
 * type 92 (个体工商户) instead of 91 (enterprise). Newer firms get an `MA…` organisation code as issued
 * since 2015, older ones an all-digit one. With `valid = false` the final character is wrong, as in a
 * mistyped record.
 */
export function makeUscc(rng: Rng, division: string, individual: boolean, valid: boolean): string {
  let org = rng.chance(0.6) ? 'MA' : String(rng.between(1, 9));
  const letters = org.startsWith('MA');
  while (org.length < 8) {
    org += letters && rng.chance(0.3) ? rng.pick(ORG_LETTERS) : String(rng.int(10));
  }
  const body = `9${individual ? '2' : '1'}${division}${org}${orgCheckChar(org)}`;
  const check = usccCheckChar(body) ?? '0';
  if (valid) return body + check;
  const wrong = (USCC_CHARSET.indexOf(check) + rng.between(1, 30)) % 31;
  return body + USCC_CHARSET.charAt(wrong);
}
