/**
 * What the generator knows about particular provinces. A province without a profile still works: its
 * prefectures get Zipf-distributed weights in code order (the capital, xx01, first) and no specialisation
 * beyond a seeded per-city variation.
 */

export interface ProvinceProfile {
  /** share of the province's industrial enterprises by prefecture code (normalised by the generator) */
  cityShares: Readonly<Record<string, number>>
  /** per prefecture, multipliers of the division weights: what the city is known for */
  specialisations: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** multipliers of county weights where the generic rule (suburbs and county-level cities heavy) is wrong */
  countyFactors?: Readonly<Record<string, number>>
  /** ASCII usernames of the demo's city and county officials, by division code */
  usernames: Readonly<Record<string, string>>
  /** the county whose official and enterprise user the demo creates, if it exists */
  demoCounty?: string
}

/**
 * 湖南: shares after the province's own reports (长沙 ≈ 30 % of industry; 张家界 and 湘西 small); specialisations
 * after the clusters named in the seeds: 长沙 工程机械 and 电子信息, 株洲 轨道交通 and 航空动力, 湘潭 钢铁 and
 * 电机, 岳阳 石化, 郴州 有色, 娄底 钢铁, 常德 烟草 and 食品, 怀化 医药 and 木材, 益阳 and 安化 茶.
 */
const hunan: ProvinceProfile = {
  cityShares: {
    '430100': 0.27, // 长沙
    '430600': 0.09, // 岳阳
    '430700': 0.08, // 常德
    '430400': 0.08, // 衡阳
    '430200': 0.08, // 株洲
    '431000': 0.07, // 郴州
    '430300': 0.06, // 湘潭
    '431300': 0.05, // 娄底
    '430500': 0.05, // 邵阳
    '430900': 0.05, // 益阳
    '431100': 0.05, // 永州
    '431200': 0.04, // 怀化
    '433100': 0.015, // 湘西
    '430800': 0.01, // 张家界
  },
  specialisations: {
    '430100': { '35': 2.6, '39': 2.2, '36': 1.5, '27': 1.5, '34': 1.3, '38': 1.3, '40': 1.5, '26': 1.2, '06': 0.3, '08': 0.3, '09': 0.3, '10': 0.4, '30': 0.6 },
    '430200': { '37': 6, '38': 1.5, '32': 1.6, '30': 1.6, '26': 1.3, '33': 1.2 },
    '430300': { '31': 5, '38': 1.8, '35': 1.3, '36': 1.4, '26': 1.1 },
    '430400': { '32': 1.5, '38': 1.7, '26': 1.3, '33': 1.3, '09': 1.5, '13': 1.2 },
    '430500': { '19': 2, '24': 2, '41': 1.8, '39': 1.3, '27': 1.3, '13': 1.2 },
    '430600': { '25': 5, '26': 2.5, '22': 1.6, '13': 1.3, '44': 1.2, '27': 1.2 },
    '430700': { '16': 8, '13': 1.5, '14': 1.3, '34': 1.4, '35': 1.3, '22': 1.2, '17': 1.3 },
    '430800': { '15': 2.5, '14': 1.5, '13': 1.3, '27': 1.5, '30': 1.2 },
    '430900': { '15': 2.2, '13': 1.5, '35': 1.3, '38': 1.3, '39': 1.2, '37': 1.5 },
    '431000': { '32': 4, '09': 4, '10': 1.5, '30': 1.3, '39': 1.5, '44': 1.3 },
    '431100': { '13': 1.5, '27': 1.5, '36': 1.3, '39': 1.3, '20': 1.5, '19': 1.3 },
    '431200': { '20': 2, '27': 2, '13': 1.4, '15': 1.3, '26': 1.2 },
    '431300': { '31': 4, '30': 1.5, '06': 3, '32': 1.4, '09': 1.5, '35': 1.2 },
    '433100': { '32': 2, '09': 3, '15': 2, '27': 1.5, '30': 1.2, '44': 1.6 },
  },
  // 长沙县 hosts 长沙经开区 (工程机械, 汽车), 宁乡 and 浏阳 their own national zones; 芙蓉 and 天心 are commerce.
  countyFactors: { '430121': 3, '430181': 1.6, '430182': 1.6, '430112': 1.3, '430111': 1.2, '430102': 0.5, '430103': 0.5 },
  usernames: {
    '430100': 'changsha', '430200': 'zhuzhou', '430300': 'xiangtan', '430400': 'hengyang', '430500': 'shaoyang',
    '430600': 'yueyang', '430700': 'changde', '430800': 'zhangjiajie', '430900': 'yiyang', '431000': 'chenzhou',
    '431100': 'yongzhou', '431200': 'huaihua', '431300': 'loudi', '433100': 'xiangxi',
    '430181': 'liuyang', '430182': 'ningxiang', '430121': 'changshaxian', '430111': 'yuhua', '430112': 'wangcheng',
  },
  demoCounty: '430181',
}

export const provinceProfiles: Readonly<Record<string, ProvinceProfile>> = { '43': hunan }

/** Zipf exponent of the prefectures of a province without a profile. */
export const DEFAULT_CITY_ZIPF = 0.9
