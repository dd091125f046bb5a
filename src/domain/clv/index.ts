/**
 * Potential value of customers (DESIGN.md §2): BG/NBD + Gamma-Gamma, with a run-rate fallback.
 *
 * What the value engine calls, in order:
 * 1. `summariseTransactions(purchases, calibrationEnd)` — won deals → x, t_x, T, zbar per customer
 *    (or `summariseGroupedPurchases` when the deals are already grouped by customer, sorted by day);
 * 2. `fitPotentialModel(summaries)` — once per recompute (~0.15–0.25 s of CPU for 100 000 customers);
 * 3. `potentialValuer(model, { horizonYears, discountRate })` — once, giving the per-customer function
 *    (the horizon's discount factors worked out once, one curve per (x, T) shared); each of its values
 *    equals `potentialValueFor(model, summary, options)`, the one-customer form.
 * The rest is exported for tests, explanations and anyone who needs one formula.
 */
export * from './aggregate';
export * from './bfgs';
export * from './bgnbd';
export * from './bgnbd-fit';
export * from './bgnbd-likelihood';
export * from './bgnbd-limit';
export * from './bgnbd-limit-likelihood';
export * from './discounting';
export * from './gamma-gamma';
export * from './gamma-gamma-fit';
export * from './gamma-gamma-likelihood';
export * from './potential-value';
export * from './special-functions';
export * from './summary';
