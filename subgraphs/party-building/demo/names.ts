import type { Random } from '../../../platform/demo/random';

/** Names for the demo's cadres (the registry's residents have their own). */
const SURNAMES = '李王张杨刘陈赵黄周吴何罗马徐孙胡朱高付邓谢余郭林蒋曾彭唐冯肖田董袁熊龙';
const GIVEN = '国建明华文军平志勇强德成云学忠红东江永光天福中祥正开兴荣刚海林波伟超杰磊涛斌鹏辉俊芳丽秀英敏静燕玲娟霞兰梅琼艳萍莉婷雪欣怡佳琪';

export function cadreName(random: Random): string {
  const given = random.chance(0.7) ? random.pick([...GIVEN]) + random.pick([...GIVEN]) : random.pick([...GIVEN]);
  return random.pick([...SURNAMES]) + given;
}

/** County-level units that send cadres into the grids (a county has about a hundred). */
const BUREAUS = [
  '县委办公室', '县政府办公室', '县人大常委会办公室', '县政协办公室', '县纪委监委', '县委组织部', '县委宣传部', '县委统战部', '县委政法委',
  '县委编办', '县委党校', '县委网信办', '县委政研室', '县直机关工委', '县发展和改革局', '县教育体育局', '县科学技术局', '县工业信息化和商务局',
  '县公安局', '县民政局', '县司法局', '县财政局', '县人力资源和社会保障局', '县自然资源局', '县生态环境分局', '县住房和城乡建设局',
  '县交通运输局', '县水务局', '县农业农村局', '县林业和草原局', '县文化和旅游局', '县卫生健康局', '县退役军人事务局', '县应急管理局',
  '县审计局', '县市场监督管理局', '县统计局', '县医疗保障局', '县乡村振兴局', '县水电移民工作局', '县信访局', '县档案馆', '县融媒体中心',
  '县供销社', '县残联', '县总工会', '团县委', '县妇联', '县科协', '县工商联', '县人民法院', '县人民检察院', '县税务局', '县自然资源执法大队',
  '县消防救援大队', '县气象局', '县烟草专卖局', '县邮政分公司', '县电力公司', '县农业银行', '县农村信用社', '县人民医院', '县中医医院',
  '县妇幼保健院', '县疾病预防控制中心', '县第一中学', '县第二中学', '县第三中学', '县职业高级中学', '县民族中学', '县实验小学', '县第一小学',
  '县第二小学', '县幼儿园', '县特殊教育学校', '县图书馆', '县文化馆', '县博物馆', '县城市管理局', '县机关事务服务中心', '县政务服务管理局',
  '县公共资源交易中心', '县不动产登记中心', '县社会保险中心', '县就业服务中心', '县住房公积金管理部', '县农业技术推广中心', '县畜牧兽医站',
  '县林业和草原技术推广站', '县水利工程管理站', '县公路分局', '县交通运输执法大队', '县城投公司', '县国有资产经营公司', '县移民开发服务中心',
  '县红十字会', '县老干部局', '县保密局', '县机要局', '县党史研究室',
];

/** `count` distinct unit names of a county (`count` ≤ the list's length). */
export function countyUnits(countyName: string, count: number): string[] {
  if (count > BUREAUS.length) throw new RangeError(`only ${BUREAUS.length} county units are named`);
  const prefix = countyName.replace(/[县市区]$/, '');
  return BUREAUS.slice(0, count).map((b) => prefix + b.replace(/^县/, countyName.slice(-1)));
}

export const VISIT_NOTES = [
  '了解家庭就业情况，宣传就业帮扶政策', '核实后期扶持资金到账情况', '走访留守老人，了解身体状况', '宣传移民政策和惠民补贴',
  '了解子女入学情况', '排查房屋安全隐患', '了解家庭收入变化', '宣讲法律法规，引导依法表达诉求', '协助办理医保参保', '了解技能培训需求',
];
export const FOLLOW_UPS = ['联系社区就业服务站推荐岗位', '协调办理残疾证', '反映至社区统一处理漏水问题', '协助申请临时救助', '联系学校办理转学'];

export const CASE_TITLES: Record<string, string[]> = {
  GRID_PROBLEM: ['楼道照明损坏', '下水道堵塞', '小区垃圾清运不及时', '楼顶渗水', '电梯故障', '路灯不亮', '消防通道被占用', '饮用水水压不足'],
  LIVELIHOOD_TASK: ['建设社区老年活动中心', '增设公交站点', '改造农贸市场', '新建社区卫生服务站', '开办帮扶车间', '修建儿童活动场地', '增设充电桩'],
  DISPUTE_MEDIATION: ['邻里噪音纠纷', '房屋漏水赔偿纠纷', '家庭赡养纠纷', '商铺租赁纠纷', '停车位纠纷', '宅基地界址纠纷', '务工工资纠纷'],
  PETITION: ['反映后期扶持资金发放问题', '反映安置房质量问题', '反映补偿标准问题', '反映就业安置问题', '反映户籍迁移问题'],
};

export const ACTIVITY_TOPICS: Record<string, string[]> = {
  BRANCH_GENERAL_MEETING: ['学习贯彻党的二十大精神', '发展党员表决', '民主评议党员', '年度工作总结'],
  BRANCH_COMMITTEE_MEETING: ['研究月度重点工作', '研究困难群众帮扶', '研究网格化管理工作', '研究矛盾纠纷排查'],
  SMALL_GROUP_MEETING: ['学习移民政策', '交流包户走访情况', '讨论楼栋管理'],
  PARTY_LESSON: ['党的光辉历程', '搬得出、稳得住、能致富', '从严治党永远在路上'],
  THEME_PARTY_DAY: ['清洁家园志愿服务', '重温入党誓词', '走访慰问困难党员', '政策进楼栋'],
  MICRO_LECTURE: ['后期扶持政策解读', '逐年补偿政策解读', '就业创业补贴政策', '城镇化安置政策问答'],
  COURTYARD_MEETING: ['听取群众意见建议', '议定小区管理公约', '商议楼道改造'],
  POLICY_BRIEFING: ['移民后期扶持政策宣讲', '乡村振兴政策宣讲', '医保社保政策宣讲'],
  LEGAL_TALK: ['民法典进社区', '防范电信诈骗', '依法信访'],
};
