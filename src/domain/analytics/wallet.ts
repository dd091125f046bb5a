/**
 * Share of wallet and headroom (模型价值, DESIGN.md §2). The owner's wallet estimate is the customer's
 * yearly spend in our category, so our revenue over the analysis window is first put on a yearly basis.
 */

export interface WalletFigures {
  /** Our yearly revenue ÷ the wallet (may exceed 1 when the estimate is out of date). */
  shareOfWallet: number | null;
  /** Wallet − our yearly revenue, in cents, never below 0. */
  headroom: number | null;
  /** Our revenue on a yearly basis, in cents. */
  yearlyRevenue: number;
}

/**
 * yearly revenue = round(revenue × 12 / window months); share = yearly revenue ÷ wallet;
 * headroom = max(0, wallet − yearly revenue). No (or a zero) wallet estimate → null figures.
 *
 * @example walletFigures(1_000_000, 2_300_000, 12) // share ≈ 0.435, headroom 1 300 000 (¥13 000)
 * @example walletFigures(500_000, 2_000_000, 6)    // yearly 1 000 000 → share 0.5, headroom 1 000 000
 */
export function walletFigures(revenue: number, wallet: number | null, windowMonths: number): WalletFigures {
  const yearlyRevenue = Math.round((revenue * 12) / windowMonths);
  if (wallet === null || !(wallet > 0)) return { shareOfWallet: null, headroom: null, yearlyRevenue };
  return {
    shareOfWallet: yearlyRevenue / wallet,
    headroom: Math.max(0, wallet - yearlyRevenue),
    yearlyRevenue,
  };
}
