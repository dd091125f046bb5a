import type { BaseTableName, Fields } from './types';

/**
 * The value every field of a new row takes when nobody gave one. Text and dates are `''` ("not set"),
 * money is 0, unknown estimates and ratings are `null`, lists and score maps are empty, and an enum
 * that cannot be empty takes the first step of its process (a deal starts at 'need').
 *
 * The keys of these objects are also the list of known fields of each table: validation rejects any
 * other name.
 */
const EMPTY_FIELDS: { [T in BaseTableName]: () => Fields<T> } = {
  customers: () => ({
    code: '',
    name: '',
    taxId: '',
    licenceNo: '',
    contactName: '',
    phone: '',
    email: '',
    address: '',
    region: '',
    industry: '',
    owner: '',
    relationshipType: '',
    walletEstimate: null,
    doNotContact: false,
    loyaltyTypes: [],
    strategicImportance: null,
    notes: '',
  }),
  deals: () => ({
    code: '',
    customerId: '',
    productLineId: '',
    title: '',
    stage: 'need',
    openDate: '',
    closeDate: '',
    amount: 0,
    cost: 0,
    serviceCost: 0,
    discount: 0,
    paidAmount: 0,
    dueDate: '',
    deliveryDate: '',
    owner: '',
    notes: '',
  }),
  interactions: () => ({
    customerId: '',
    date: '',
    channel: 'phone',
    type: 'follow-up',
    satisfaction: null,
    summary: '',
    nextAction: '',
    nextActionDue: '',
    resolved: false,
    owner: '',
  }),
  productLines: () => ({
    code: '',
    name: '',
    marketSize: null,
    marketSizeBase: null,
    largestCompetitorSales: null,
    geScores: {},
    costRatio: null,
    notes: '',
  }),
};

/** A fresh object with the default of every editable field of `table` (new arrays and objects each call). */
export function emptyFields<T extends BaseTableName>(table: T): Fields<T> {
  return EMPTY_FIELDS[table]();
}

/** The editable field names of `table`, in declaration order. */
export function fieldNames(table: BaseTableName): string[] {
  return Object.keys(EMPTY_FIELDS[table]());
}
