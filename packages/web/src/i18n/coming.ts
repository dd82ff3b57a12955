/**
 * What each coming feature will do, shown on its placeholder tab (both languages; the type of the
 * Chinese text is the type of the English one).
 */
export const comingZh = {
  title: '{{feature}} · 即将上线',
  intro: '该功能正在建设中，上线后将提供：',
  meanwhile: '在此之前，可在“企业库”维护企业基础信息，这是后续各项功能共用的数据底座。',
  dispatch: {
    summary: '每月汇总全省、各市、各县的工业运行情况，形成月调度材料。',
    b1: '同口径计算工业增加值、营业收入、利润、用电量的增速与拉动',
    b2: '对照年度目标显示时序进度',
    b3: '生成市州比拼排名和季度通报，并可按发布日复现',
  },
  warnings: {
    summary: '按规则自动识别需要关注的企业和地区。',
    b1: '停产、减产、亏损企业及亏损面上升地区的预警',
    b2: '每条预警说明触发的规则、实际值、阈值和差距',
    b3: '预警推送至属地跟踪处置并记录结果',
  },
  peerComparison: {
    summary: '与中部六省、长三角、经济十强省等对标地区比较主要指标。',
    b1: '主要指标增速与位次对比',
    b2: '自定义对标组',
    b3: '差距分析与趋势图',
  },
  tiers: {
    summary: '管理创新型中小企业、专精特新中小企业、专精特新“小巨人”和单项冠军的梯度培育库。',
    b1: '按带生效期和文号的认定标准逐条评估企业',
    b2: '对未达标企业说明差距（“为什么不是我们”）',
    b3: '培育库、申报和复核全过程跟踪',
  },
  policies: {
    summary: '让政策找企业：把惠企政策写成规则，自动筛选符合条件的企业。',
    b1: '政策条款带生效期、文号和可读的测试案例',
    b2: '自动生成符合条件企业名单，支持免申即享',
    b3: '向企业说明符合或不符合的具体原因',
  },
  landEfficiency: {
    summary: '开展“亩均论英雄”评价，按亩均效益对企业和园区分类。',
    b1: '亩均税收、亩均增加值、单位能耗、研发投入等指标打分',
    b2: '划分 A、B、C、D 四类并关联差别化要素价格',
    b3: '评价结果可追溯到每项原始数据',
  },
  projects: {
    summary: '跟踪重点项目从签约、开工、投产到达产的全过程。',
    b1: '项目阶段及佐证材料管理',
    b2: '按季度评选红旗项目和蜗牛项目',
    b3: '项目与服务专员绑定，问题及时协调',
  },
  requests: {
    summary: '受理企业诉求，接诉即办、闭环办理。',
    b1: '按中国法定节假日和调休计算工作日办理时限',
    b2: '上下级转办、延期、督办',
    b3: '企业对答复进行满意度评价与回访',
  },
  service: {
    summary: '为企业和项目配备服务专员，开展包保服务。',
    b1: '服务专员与企业、项目的包保关系管理',
    b2: '走访记录和发现问题的登记',
    b3: '与企业诉求办理衔接',
  },
  chains: {
    summary: '按国民经济行业分类刻画产业链及其上中下游环节。',
    b1: '识别链主企业和薄弱环节',
    b2: '支撑补链、强链、延链工作',
    b3: '链长制工作台账',
  },
  clusters: {
    summary: '监测先进制造业集群和中小企业特色产业集群的发展情况。',
    b1: '集群规模、企业构成与增长',
    b2: '区位熵等集聚度指标',
    b3: '省级、国家级集群申报与评估材料',
  },
}

export const comingEn: typeof comingZh = {
  title: '{{feature}} · coming soon',
  intro: 'This feature is being built. It will offer:',
  meanwhile:
    'Meanwhile, keep enterprise records up to date in the Enterprise registry: every coming feature builds on them.',
  dispatch: {
    summary: 'A monthly review of industrial operations for the province, each city and each county.',
    b1: 'Same-scope growth and pull of value added, revenue, profit and electricity',
    b2: 'Schedule pace against the annual targets',
    b3: 'City rankings and the quarterly bulletin, reproducible as published',
  },
  warnings: {
    summary: 'Rules that flag the enterprises and regions that need attention.',
    b1: 'Stopped, declining and loss-making enterprises; regions with a rising loss ratio',
    b2: 'Each warning states its rule, the actual value, the threshold and the gap',
    b3: 'Warnings go to the local bureau, which records what it did',
  },
  peerComparison: {
    summary: 'Compare key indicators with peer regions: the six central provinces, the Yangtze River Delta, the top ten economies.',
    b1: 'Growth and rank of the key indicators side by side',
    b2: 'Custom peer groups',
    b3: 'Gap analysis and trend charts',
  },
  tiers: {
    summary: 'The pipeline of innovative SMEs, SRDI SMEs, “little giants” and single champions.',
    b1: 'Evaluate enterprises criterion by criterion against dated, cited standards',
    b2: 'Explain the gap to enterprises that fall short (“why not us?”)',
    b3: 'Track candidates, applications and reviews',
  },
  policies: {
    summary: 'Policies find the enterprises: support policies written as rules select the eligible enterprises.',
    b1: 'Policy clauses with effective dates, document numbers and readable test cases',
    b2: 'Lists of eligible enterprises, for grants without application',
    b3: 'Tell each enterprise exactly why it qualifies or not',
  },
  landEfficiency: {
    summary: 'The per-mu evaluation: classify enterprises and parks by what they yield per unit of land.',
    b1: 'Scores on tax, value added, energy use and R&D per mu',
    b2: 'Classes A to D, tied to differentiated prices for power, water and land',
    b3: 'Every score traceable to its source figures',
  },
  projects: {
    summary: 'Follow key investment projects from signing to start, commissioning and full production.',
    b1: 'Project stages with their evidence',
    b2: 'Quarterly red-flag and snail projects',
    b3: 'Service officers assigned to projects to resolve their problems',
  },
  requests: {
    summary: 'Receive enterprises’ requests and handle each one to a closed loop.',
    b1: 'Deadlines in working days on the Chinese calendar, holidays and make-up days included',
    b2: 'Transfers up and down a level, extensions, supervision',
    b3: 'Satisfaction rating of each reply and follow-up',
  },
  service: {
    summary: 'Service officers assigned one-to-one to enterprises and projects.',
    b1: 'Assignments of officers to enterprises and projects',
    b2: 'Visit records and the problems found',
    b3: 'Linked with the handling of enterprise requests',
  },
  chains: {
    summary: 'Industrial chains and their upstream, midstream and downstream links, on GB/T 4754 codes.',
    b1: 'Chain leaders and weak links',
    b2: 'Support for filling gaps, strengthening and extending chains',
    b3: 'Work ledgers of the chain chiefs',
  },
  clusters: {
    summary: 'Monitor advanced manufacturing clusters and SME specialty clusters.',
    b1: 'Cluster size, composition and growth',
    b2: 'Concentration indicators such as the location quotient',
    b3: 'Material for provincial and national cluster applications and reviews',
  },
}
