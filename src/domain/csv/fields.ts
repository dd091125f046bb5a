/**
 * What a CSV column can be mapped to, per table: the stored fields, plus link columns that name another
 * row (a deal's customer by code or by name, its product line by code or name). Each target has a kind
 * that says how its text is read, and its header in the three UI languages, used for export headers and
 * as the first aliases when mapping an imported header back.
 */
import type { BaseTableName } from '../types';

export type ValueKind =
  'text' | 'money' | 'moneyOrNull' | 'date' | 'choice' | 'bool' | 'list' | 'rating' | 'percent' | 'link';

export type HeaderLanguage = 'en' | 'zh-CN' | 'zh-TW';

export interface TargetField {
  /** A stored field name, or a link: `customerCode`, `customerName`, `productLine`. */
  key: string;
  kind: ValueKind;
  /** [en, zh-CN, zh-TW] header names. */
  headers: readonly [string, string, string];
  /** More header spellings that map to this field (normalised when compared). */
  aliases: readonly string[];
}

const t = (
  key: string,
  kind: ValueKind,
  headers: readonly [string, string, string],
  aliases: readonly string[] = [],
): TargetField => ({ key, kind, headers, aliases });

const owner = t(
  'owner',
  'text',
  ['Owner', '负责人', '負責人'],
  ['业务员', '销售', '销售员', '業務員', 'salesperson', 'sales rep', '跟进人'],
);
const notes = t(
  'notes',
  'text',
  ['Notes', '备注', '備註'],
  ['remarks', 'remark', 'comment', 'comments', '说明', '說明', 'memo'],
);
const customerCode = t(
  'customerCode',
  'link',
  ['Customer code', '客户编号', '客戶編號'],
  ['客户代码', '客户编码', '客戶代碼', 'customer id', 'customer no', 'client code'],
);
const customerName = t(
  'customerName',
  'link',
  ['Customer', '客户名称', '客戶名稱'],
  ['客户', '客戶', '公司名称', '公司名稱', '公司', 'customer name', 'company', 'client', 'account'],
);

export const TARGET_FIELDS: { [T in BaseTableName]: readonly TargetField[] } = {
  customers: [
    t(
      'code',
      'text',
      ['Customer code', '客户编号', '客戶編號'],
      [
        '客户代码',
        '客户编码',
        '编号',
        '代码',
        '客戶代碼',
        '編號',
        'code',
        'customer id',
        'customer no',
        'id',
      ],
    ),
    t(
      'name',
      'text',
      ['Name', '客户名称', '客戶名稱'],
      [
        '公司名称',
        '公司名稱',
        '名称',
        '名稱',
        '客户',
        '客戶',
        '公司',
        'customer',
        'customer name',
        'company',
        'company name',
        'account name',
      ],
    ),
    t(
      'taxId',
      'text',
      ['Tax ID', '税号', '稅號'],
      [
        '统一社会信用代码',
        '統一社會信用代碼',
        '纳税人识别号',
        '納稅人識別號',
        '统一编号',
        '統一編號',
        'uscc',
        'vat no',
        'tax number',
        'vat id',
      ],
    ),
    t(
      'licenceNo',
      'text',
      ['Licence no.', '营业执照号', '營業執照號'],
      ['营业执照', '營業執照', 'licence', 'license no', 'license number', 'business licence'],
    ),
    t(
      'contactName',
      'text',
      ['Contact', '联系人', '聯絡人'],
      ['联络人', '聯繫人', 'contact name', 'contact person'],
    ),
    t(
      'phone',
      'text',
      ['Phone', '电话', '電話'],
      ['手机', '手機', '联系电话', '聯絡電話', '手机号', 'mobile', 'tel', 'telephone'],
    ),
    t(
      'email',
      'text',
      ['E-mail', '邮箱', '電郵'],
      ['电子邮件', '電子郵件', '邮件', '郵箱', 'email address', 'mail'],
    ),
    t('address', 'text', ['Address', '地址', '地址'], ['公司地址', '联系地址', '聯絡地址', 'street']),
    t('region', 'text', ['Region', '地区', '地區'], ['区域', '區域', '省份', 'area', 'province']),
    t('industry', 'text', ['Industry', '行业', '行業'], ['所属行业', '所屬行業', 'sector']),
    owner,
    t('relationshipType', 'choice', ['Relationship', '关系类型', '關係類型'], ['relationship type']),
    t(
      'walletEstimate',
      'moneyOrNull',
      ['Wallet estimate', '钱包估算', '錢包估算'],
      ['采购总额估计', '年采购额', 'wallet', 'total spend'],
    ),
    t(
      'doNotContact',
      'bool',
      ['Do not contact', '请勿联系', '請勿聯絡'],
      ['勿扰', '勿擾', 'dnc', 'no contact'],
    ),
    t('loyaltyTypes', 'list', ['Loyalty types', '忠诚类型', '忠誠類型'], ['loyalty']),
    t(
      'strategicImportance',
      'rating',
      ['Strategic importance', '战略重要性', '戰略重要性'],
      ['importance', '重要性'],
    ),
    notes,
  ],
  deals: [
    t(
      'code',
      'text',
      ['Order no.', '订单号', '訂單號'],
      [
        '单号',
        '訂單編號',
        '订单编号',
        '合同号',
        '合同號',
        'order number',
        'order no',
        'deal code',
        'code',
        'deal id',
      ],
    ),
    customerCode,
    customerName,
    t(
      'productLine',
      'link',
      ['Product line', '产品线', '產品線'],
      ['产品线编号', '產品線編號', 'product line code', 'business unit'],
    ),
    t(
      'title',
      'text',
      ['Title', '标题', '標題'],
      ['商机名称', '商機名稱', '产品', '產品', '品名', 'product', 'description', 'deal name'],
    ),
    t('stage', 'choice', ['Stage', '阶段', '階段'], ['状态', '狀態', '销售阶段', 'status']),
    t(
      'openDate',
      'date',
      ['Open date', '创建日期', '建立日期'],
      ['开始日期', '開始日期', 'created', 'start date'],
    ),
    t(
      'closeDate',
      'date',
      ['Close date', '下单日期', '下單日期'],
      ['日期', '成交日期', '订单日期', '訂單日期', 'date', 'order date'],
    ),
    t(
      'amount',
      'money',
      ['Amount', '金额', '金額'],
      ['销售额', '銷售額', '成交金额', '成交金額', '订单金额', '訂單金額', 'revenue', 'sales', 'total'],
    ),
    t('cost', 'money', ['Cost', '成本', '成本'], ['销售成本', '銷售成本', 'cogs', 'cost of goods']),
    t(
      'serviceCost',
      'money',
      ['Service cost', '服务成本', '服務成本'],
      ['运费', '運費', 'freight', 'shipping'],
    ),
    t('discount', 'money', ['Discount', '折扣', '折扣'], ['折让', '折讓']),
    t(
      'paidAmount',
      'money',
      ['Paid', '已收款', '已收款'],
      ['已付金额', '收款金额', '已收金额', '已收金額', 'paid amount', 'received'],
    ),
    t('dueDate', 'date', ['Due date', '到期日', '到期日'], ['付款到期日', '应收日期', 'payment due']),
    t(
      'deliveryDate',
      'date',
      ['Delivery date', '交货日期', '交貨日期'],
      ['发货日期', '發貨日期', 'shipped', 'ship date'],
    ),
    owner,
    notes,
  ],
  interactions: [
    customerCode,
    customerName,
    t('date', 'date', ['Date', '日期', '日期'], ['联系日期', '聯絡日期', 'contact date']),
    t('channel', 'choice', ['Channel', '方式', '方式'], ['渠道', '管道', '联系方式', '聯絡方式']),
    t('type', 'choice', ['Type', '类型', '類型'], ['事由', 'kind']),
    t('satisfaction', 'rating', ['Satisfaction', '满意度', '滿意度'], ['评分', '評分', 'score']),
    t('summary', 'text', ['Summary', '内容', '內容'], ['摘要', '记录', '記錄', 'content']),
    t('nextAction', 'text', ['Next action', '下一步', '下一步'], ['后续行动', '後續行動']),
    t(
      'nextActionDue',
      'date',
      ['Next action due', '下一步日期', '下一步日期'],
      ['跟进日期', '跟進日期', 'follow-up date'],
    ),
    t('resolved', 'bool', ['Resolved', '已解决', '已解決'], ['是否解决', 'done']),
    owner,
  ],
  productLines: [
    t('code', 'text', ['Code', '编号', '編號'], ['产品线编号', '產品線編號', 'product line code']),
    t(
      'name',
      'text',
      ['Name', '产品线名称', '產品線名稱'],
      ['名称', '名稱', '产品线', '產品線', 'product line'],
    ),
    t('marketSize', 'moneyOrNull', ['Market size', '市场规模', '市場規模'], ['market sales']),
    t(
      'marketSizeBase',
      'moneyOrNull',
      ['Market size (base)', '基期市场规模', '基期市場規模'],
      ['base market size'],
    ),
    t(
      'largestCompetitorSales',
      'moneyOrNull',
      ['Largest competitor sales', '最大竞争对手销售额', '最大競爭對手銷售額'],
      ['competitor sales'],
    ),
    // A cost ratio, not a gross margin (毛利率 = 100 % − cost ratio): a margin column is left unmapped
    // rather than read the wrong way round.
    t(
      'costRatio',
      'percent',
      ['Cost ratio %', '成本率', '成本率'],
      [
        '成本率%',
        '成本率(%)',
        '成本率（%）',
        '成本占比',
        '成本佔比',
        '成本比例',
        '默认成本率',
        '預設成本率',
        'cost ratio',
        'cost %',
        'cost rate',
        'cogs %',
        'cogs ratio',
      ],
    ),
    notes,
  ],
};

/** The target of `key` in `table`, if it exists. */
export function targetField(table: BaseTableName, key: string): TargetField | undefined {
  return TARGET_FIELDS[table].find((f) => f.key === key);
}

const LANGUAGE_INDEX: Record<HeaderLanguage, 0 | 1 | 2> = { en: 0, 'zh-CN': 1, 'zh-TW': 2 };

/** The header of a target in a UI language (the export header, and the label in the mapping editor). */
export function headerLabel(field: TargetField, language: HeaderLanguage): string {
  return field.headers[LANGUAGE_INDEX[language]];
}
