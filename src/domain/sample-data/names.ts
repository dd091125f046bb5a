/**
 * The word lists the sample customers are made from: cities (with region and administrative division
 * code), company-name parts, Chinese personal names with pinyin (for e-mail addresses), streets and
 * the sales team. The business is imagined as a Hangzhou trading company, so East China (华东)
 * weighs most.
 */

/** A customer city: name, sales region, first 4 digits of its division code, relative weight. */
export interface City {
  readonly name: string;
  readonly region: string;
  readonly division: string;
  readonly weight: number;
}

function cities(region: string, weight: number, list: string): City[] {
  return list.split(' ').map((entry) => {
    const [name = '', division = ''] = entry.split(':');
    return { name, region, division, weight };
  });
}

export const CITIES: readonly City[] = [
  ...cities('华东', 5, '杭州:3301 宁波:3302 温州:3303 金华:3307 上海:3101 苏州:3205'),
  ...cities(
    '华东',
    2.5,
    '南京:3201 无锡:3202 合肥:3401 福州:3501 厦门:3502 泉州:3505 济南:3701 青岛:3702 南昌:3601',
  ),
  ...cities('华南', 3, '广州:4401 深圳:4403 佛山:4406 东莞:4419 中山:4420 南宁:4501 海口:4601'),
  ...cities('华北', 2.5, '北京:1101 天津:1201 石家庄:1301 太原:1401 呼和浩特:1501'),
  ...cities('华中', 3, '武汉:4201 长沙:4301 郑州:4101'),
  ...cities('西南', 2.5, '成都:5101 重庆:5001 昆明:5301 贵阳:5201'),
  ...cities('西北', 1.5, '西安:6101 兰州:6201 乌鲁木齐:6501'),
  ...cities('东北', 1.2, '沈阳:2101 大连:2102 长春:2201 哈尔滨:2301'),
];

/** A character with its pinyin. */
export type Syllable = readonly [han: string, pinyin: string];

function syllables(list: string): Syllable[] {
  return list.split(' ').map((entry) => {
    const [han = '', pinyin = ''] = entry.split(':');
    return [han, pinyin] as const;
  });
}

/** Trade-name characters (字号), e.g. 瑞 + 丰 → 瑞丰. */
export const BRAND_CHARS: readonly Syllable[] = syllables(
  '瑞:rui 丰:feng 华:hua 鑫:xin 泰:tai 昌:chang 盛:sheng 达:da 恒:heng 源:yuan 宏:hong 伟:wei 金:jin ' +
    '德:de 信:xin 利:li 通:tong 嘉:jia 兴:xing 隆:long 润:run 安:an 永:yong 佳:jia 凯:kai 旭:xu 博:bo ' +
    '腾:teng 越:yue 汇:hui 众:zhong 诚:cheng 远:yuan 明:ming 新:xin 天:tian 海:hai 创:chuang 宇:yu ' +
    '祥:xiang 福:fu 荣:rong 益:yi 正:zheng 和:he 顺:shun 锦:jin 星:xing 光:guang 辉:hui 亿:yi 美:mei ' +
    '东:dong 方:fang 中:zhong 浩:hao 川:chuan 峰:feng 联:lian 合:he',
);

/** The business word of a company name and the industry it implies. */
export const TRADES: readonly (readonly [word: string, industry: string])[] = [
  ['贸易', '批发零售'],
  ['商贸', '批发零售'],
  ['进出口', '批发零售'],
  ['供应链管理', '批发零售'],
  ['五金', '制造业'],
  ['机电', '制造业'],
  ['机械', '制造业'],
  ['精密制造', '制造业'],
  ['电子', '电子信息'],
  ['科技', '电子信息'],
  ['信息技术', '电子信息'],
  ['建材', '建筑工程'],
  ['装饰工程', '建筑工程'],
  ['建设工程', '建筑工程'],
  ['物流', '交通物流'],
  ['食品', '餐饮食品'],
  ['餐饮管理', '餐饮食品'],
  ['服饰', '纺织服装'],
  ['纺织', '纺织服装'],
  ['化工', '化工材料'],
  ['新材料', '化工材料'],
  ['家居', '家居用品'],
  ['汽车配件', '汽车配件'],
  ['医疗器械', '医疗健康'],
  ['物业管理', '物业服务'],
];

/** Legal forms of a company (the tail of its name). Individual businesses end in 商行 or 经营部. */
export const LEGAL_FORMS = ['有限公司', '有限责任公司', '股份有限公司'] as const;
export const INDIVIDUAL_FORMS = ['商行', '经营部'] as const;

/** Common surnames with pinyin, most common first (drawn with Zipf-like weights). */
export const SURNAMES: readonly Syllable[] = syllables(
  '王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma ' +
    '朱:zhu 胡:hu 郭:guo 何:he 林:lin 高:gao 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 许:xu ' +
    '韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 肖:xiao 田:tian 董:dong 潘:pan 袁:yuan 蔡:cai ' +
    '蒋:jiang 余:yu 于:yu 杜:du 叶:ye 程:cheng 魏:wei 苏:su 吕:lv 丁:ding 沈:shen 钟:zhong 姜:jiang ' +
    '崔:cui 陆:lu 范:fan 汪:wang 金:jin 方:fang 夏:xia 欧阳:ouyang',
);

/** Characters of given names, with pinyin. */
export const GIVEN_CHARS: readonly Syllable[] = syllables(
  '伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan 杰:jie ' +
    '娟:juan 涛:tao 明:ming 超:chao 秀:xiu 英:ying 华:hua 慧:hui 建:jian 平:ping 刚:gang 桂:gui 玲:ling ' +
    '婷:ting 波:bo 辉:hui 鹏:peng 斌:bin 宇:yu 浩:hao 凯:kai 晨:chen 欣:xin 雪:xue 琳:lin 佳:jia 俊:jun ' +
    '峰:feng 海:hai 红:hong 霞:xia 燕:yan 萍:ping 志:zhi 文:wen 东:dong 亮:liang 成:cheng 龙:long ' +
    '飞:fei 晓:xiao 丹:dan 倩:qian 颖:ying 梅:mei 瑶:yao 然:ran',
);

/** Mobile prefixes (China Mobile, Unicom and Telecom number blocks starting 13, 15 and 18). */
export const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
] as const;

export const MAIL_DOMAINS = ['163.com', '126.com', 'sina.com', 'aliyun.com'] as const;

export const ZONES = ['高新技术产业开发区', '经济技术开发区', '工业园区', '综合保税区'] as const;
export const ROADS = [
  '人民',
  '解放',
  '建设',
  '中山',
  '和平',
  '新华',
  '长江',
  '黄河',
  '文化',
  '工业',
  '科技',
  '创业',
  '湖滨',
  '滨江',
  '金融',
  '环城',
  '东风',
  '胜利',
  '光明',
  '幸福',
] as const;
export const ROAD_KINDS = ['路', '大道', '街'] as const;

/** The sales team: each customer is owned by one of them (weights: who carries the most accounts). */
export const SALESPEOPLE: readonly (readonly [name: string, weight: number])[] = [
  ['王磊', 0.3],
  ['李静', 0.25],
  ['张伟', 0.2],
  ['陈晓燕', 0.15],
  ['刘洋', 0.1],
];
