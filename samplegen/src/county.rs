//! The sample county: 鄂托克前旗 (Otog Front Banner, Inner Mongolia).
//!
//! One table describes every department: its name, group, aliases, how
//! diligent it is (`quality`, roughly the share of deadlines it meets, which
//! spreads the scores from about 45 to about 98), the words its documents
//! use, and how many records of each table kind it produces.

/// Department group as written in 部门名单 (RULES §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// 旗直部门: banner-level departments.
    Banner,
    /// 镇（苏木）: towns.
    Town,
}

impl Group {
    /// The group name as written in the department list.
    pub(crate) const fn label(self) -> &'static str {
        match self {
            Self::Banner => "旗直部门",
            Self::Town => "镇（苏木）",
        }
    }
}

/// Something the sample deliberately makes a department fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Veto {
    /// No planted veto.
    None,
    /// A message left unanswered for more than 3 months (RULES §4 a).
    Message,
    /// Five or more stale website columns (RULES §4 b).
    Columns,
}

/// How many records of each kind a department produces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Volume {
    /// 主动公开 items.
    pub disclosure: u32,
    /// 依申请公开 applications.
    pub request: u32,
    /// 网民留言 messages.
    pub message: u32,
    /// 政务舆情 events.
    pub opinion: u32,
    /// 网站栏目 columns.
    pub columns: u32,
}

/// One department of the county.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dept {
    /// Official name.
    pub name: &'static str,
    /// Group.
    pub group: Group,
    /// Other names used in some exports (and listed in 部门名单).
    pub aliases: &'static [&'static str],
    /// Diligence in `0..=1`: roughly the share of deadlines met.
    pub quality: f64,
    /// 发文字号 prefix, e.g. 鄂前政办发.
    pub doc_prefix: &'static str,
    /// 主题分类 of its documents.
    pub theme: &'static str,
    /// Work topics used in titles.
    pub topics: &'static [&'static str],
    /// Record counts per table kind.
    pub volume: Volume,
    /// Enforcement decisions per 执法类别.
    pub enforcement: &'static [(&'static str, u32)],
    /// Whether the department appears in 部门名单.
    pub listed: bool,
    /// The veto the sample plants for it.
    pub veto: Veto,
}

impl Dept {
    /// Total enforcement decisions over all 执法类别.
    pub(crate) fn enforcement_total(&self) -> u32 {
        self.enforcement.iter().map(|&(_, n)| n).sum()
    }
}

/// Shorthand for a [`Volume`].
const fn vol(disclosure: u32, request: u32, message: u32, opinion: u32, columns: u32) -> Volume {
    Volume {
        disclosure,
        request,
        message,
        opinion,
        columns,
    }
}

/// A listed department without planted veto.
#[allow(clippy::too_many_arguments)] // Reason: one positional row per department keeps the table readable.
const fn dept(
    name: &'static str,
    group: Group,
    aliases: &'static [&'static str],
    quality: f64,
    doc_prefix: &'static str,
    theme: &'static str,
    topics: &'static [&'static str],
    volume: Volume,
    enforcement: &'static [(&'static str, u32)],
) -> Dept {
    Dept {
        name,
        group,
        aliases,
        quality,
        doc_prefix,
        theme,
        topics,
        volume,
        enforcement,
        listed: true,
        veto: Veto::None,
    }
}

/// The same department with a planted veto.
const fn with_veto(d: Dept, veto: Veto) -> Dept {
    Dept { veto, ..d }
}

/// The same department, absent from 部门名单.
const fn unlisted(d: Dept) -> Dept {
    Dept { listed: false, ..d }
}

use Group::{Banner, Town};

const PERMIT: &str = "行政许可";
const PENALTY: &str = "行政处罚";
const INSPECTION: &str = "行政检查";
const COERCION: &str = "行政强制";
const CONFIRMATION: &str = "行政确认";

/// Every department, in the order of 部门名单.
pub(crate) const DEPTS: &[Dept] = &[
    dept(
        "旗人民政府办公室",
        Banner,
        &["旗政府办", "旗政府办公室"],
        0.97,
        "鄂前政办发",
        "综合政务",
        &[
            "优化营商环境",
            "政务公开",
            "城乡人居环境整治",
            "重点项目建设",
            "冬季供暖保障",
        ],
        vol(260, 40, 70, 8, 12),
        &[],
    ),
    dept(
        "旗发展和改革委员会",
        Banner,
        &["旗发改委"],
        0.88,
        "鄂前发改发",
        "国民经济管理、国有资产监管",
        &["重点项目建设", "价格监测", "社会信用体系建设", "节能降耗"],
        vol(90, 8, 30, 2, 8),
        &[(PERMIT, 20), (PENALTY, 3)],
    ),
    dept(
        "旗教育体育局",
        Banner,
        &["教体局", "旗教育局"],
        0.85,
        "鄂前教体发",
        "科技、教育",
        &[
            "学前教育普惠发展",
            "义务教育均衡发展",
            "校园安全",
            "全民健身",
            "中考招生",
        ],
        vol(110, 15, 100, 8, 8),
        &[(PERMIT, 20), (INSPECTION, 15), (PENALTY, 3)],
    ),
    dept(
        "旗公安局",
        Banner,
        &[],
        0.78,
        "鄂前公发",
        "公安、安全、司法",
        &[
            "道路交通安全整治",
            "扫黑除恶专项斗争",
            "户籍管理",
            "禁毒宣传",
        ],
        vol(70, 10, 90, 12, 7),
        &[(PENALTY, 150), (PERMIT, 25), (COERCION, 10)],
    ),
    dept(
        "旗民政局",
        Banner,
        &[],
        0.82,
        "鄂前民政发",
        "民政、扶贫、救灾",
        &["城乡低保", "特困人员供养", "养老服务", "殡葬改革"],
        vol(80, 10, 70, 4, 8),
        &[(PERMIT, 10), (CONFIRMATION, 20)],
    ),
    dept(
        "旗司法局",
        Banner,
        &[],
        0.95,
        "鄂前司发",
        "公安、安全、司法",
        &["法治政府建设", "人民调解", "法律援助", "七五普法"],
        vol(60, 4, 25, 1, 7),
        &[(PERMIT, 8), (CONFIRMATION, 12)],
    ),
    dept(
        "旗财政局",
        Banner,
        &[],
        0.93,
        "鄂前财发",
        "财政、金融、审计",
        &[
            "部门预算管理",
            "政府采购",
            "惠农惠牧补贴资金",
            "国库集中支付",
        ],
        vol(120, 8, 20, 1, 8),
        &[(INSPECTION, 10)],
    ),
    dept(
        "旗人力资源和社会保障局",
        Banner,
        &["旗人社局"],
        0.86,
        "鄂前人社发",
        "劳动、人事、监察",
        &[
            "就业创业扶持",
            "城乡居民养老保险",
            "根治欠薪",
            "职业技能提升",
        ],
        vol(110, 18, 100, 6, 8),
        &[(PENALTY, 5), (INSPECTION, 20), (CONFIRMATION, 23)],
    ),
    dept(
        "旗自然资源局",
        Banner,
        &[],
        0.66,
        "鄂前自然资源发",
        "国土资源、能源",
        &["国土空间规划", "不动产登记", "矿产资源管理", "耕地保护"],
        vol(90, 55, 60, 6, 8),
        &[(PERMIT, 30), (PENALTY, 25), (INSPECTION, 20)],
    ),
    dept(
        "旗住房和城乡建设局",
        Banner,
        &["旗住建局"],
        0.62,
        "鄂前住建发",
        "城乡建设、环境保护",
        &[
            "老旧小区改造",
            "建筑施工安全",
            "保障性住房",
            "农村牧区危房改造",
        ],
        vol(85, 40, 80, 7, 8),
        &[(PERMIT, 35), (PENALTY, 12)],
    ),
    dept(
        "旗交通运输局",
        Banner,
        &[],
        0.74,
        "鄂前交发",
        "工业、交通",
        &[
            "农村牧区公路建设",
            "道路运输安全",
            "出租汽车管理",
            "治超治限",
        ],
        vol(60, 8, 40, 4, 7),
        &[(PENALTY, 60), (INSPECTION, 20), (PERMIT, 10)],
    ),
    dept(
        "旗水利局",
        Banner,
        &[],
        0.58,
        "鄂前水发",
        "农业、林业、水利",
        &["河湖长制", "水资源管理", "农田水利建设", "防汛抗旱"],
        vol(50, 12, 20, 2, 7),
        &[(PERMIT, 12), (PENALTY, 5), (INSPECTION, 10)],
    ),
    dept(
        "旗农牧局",
        Banner,
        &[],
        0.80,
        "鄂前农牧发",
        "农业、林业、水利",
        &["草畜平衡", "动物防疫", "农牧业保险", "高标准农田建设"],
        vol(100, 20, 60, 4, 8),
        &[(PERMIT, 20), (PENALTY, 10), (INSPECTION, 25)],
    ),
    dept(
        "旗卫生健康委员会",
        Banner,
        &["旗卫健委", "卫健委"],
        0.87,
        "鄂前卫健发",
        "卫生、体育",
        &["家庭医生签约服务", "传染病防控", "健康扶贫", "医疗机构监管"],
        vol(100, 10, 70, 6, 8),
        &[(PERMIT, 25), (PENALTY, 15), (INSPECTION, 30)],
    ),
    dept(
        "旗应急管理局",
        Banner,
        &[],
        0.76,
        "鄂前应急发",
        "市场监管、安全生产监管",
        &[
            "安全生产大检查",
            "森林草原防火",
            "危险化学品监管",
            "应急预案管理",
        ],
        vol(70, 4, 25, 5, 7),
        &[(INSPECTION, 55), (PENALTY, 15), (PERMIT, 5)],
    ),
    dept(
        "旗市场监督管理局",
        Banner,
        &["旗市场监管局"],
        0.91,
        "鄂前市监发",
        "市场监管、安全生产监管",
        &["食品安全", "特种设备安全", "商事制度改革", "药品安全"],
        vol(100, 12, 80, 6, 8),
        &[(PENALTY, 70), (INSPECTION, 100), (PERMIT, 50)],
    ),
    dept(
        "旗医疗保障局",
        Banner,
        &["旗医保局"],
        0.70,
        "鄂前医保发",
        "卫生、体育",
        &[
            "医疗保障待遇",
            "打击欺诈骗保",
            "医保基金监管",
            "异地就医结算",
        ],
        vol(50, 6, 50, 3, 7),
        &[(INSPECTION, 20), (PENALTY, 5)],
    ),
    dept(
        "旗林业和草原局",
        Banner,
        &["旗林草局"],
        0.64,
        "鄂前林草发",
        "农业、林业、水利",
        &["国土绿化", "草原生态保护补助奖励", "林草防火", "退耕还林"],
        vol(50, 8, 20, 2, 7),
        &[(PERMIT, 15), (PENALTY, 15)],
    ),
    dept(
        "旗行政审批和政务服务局",
        Banner,
        &["旗政务服务局", "旗行政审批局"],
        0.98,
        "鄂前审批发",
        "综合政务",
        &["一网通办", "证照分离改革", "政务服务事项清单", "帮办代办"],
        vol(80, 10, 60, 2, 8),
        &[(PERMIT, 220)],
    ),
    dept(
        "旗城市管理综合执法局",
        Banner,
        &["旗城管局"],
        0.50,
        "鄂前城管发",
        "城乡建设、环境保护",
        &["市容环境整治", "违法建设治理", "占道经营", "垃圾分类"],
        vol(50, 8, 100, 8, 7),
        &[(PENALTY, 60), (COERCION, 12), (INSPECTION, 20)],
    ),
    dept(
        "鄂尔多斯市生态环境局鄂托克前旗分局",
        Banner,
        &["旗生态环境分局", "市生态环境局前旗分局"],
        0.83,
        "鄂前环发",
        "城乡建设、环境保护",
        &[
            "大气污染防治",
            "环境影响评价",
            "排污许可",
            "中央环保督察整改",
        ],
        vol(60, 10, 40, 5, 7),
        &[(PENALTY, 30), (INSPECTION, 40), (PERMIT, 10)],
    ),
    dept(
        "旗审计局",
        Banner,
        &[],
        0.89,
        "鄂前审发",
        "财政、金融、审计",
        &["经济责任审计", "预算执行审计", "审计整改"],
        vol(40, 2, 5, 0, 7),
        &[],
    ),
    dept(
        "旗统计局",
        Banner,
        &[],
        0.79,
        "鄂前统发",
        "国民经济管理、国有资产监管",
        &["统计执法检查", "第四次全国经济普查", "统计数据质量"],
        vol(45, 3, 5, 0, 7),
        &[(PENALTY, 4)],
    ),
    dept(
        "旗退役军人事务局",
        Banner,
        &[],
        0.55,
        "鄂前退役军人发",
        "民政、扶贫、救灾",
        &["退役军人优待抚恤", "退役士兵安置", "双拥共建"],
        vol(35, 4, 30, 2, 6),
        &[(CONFIRMATION, 10)],
    ),
    dept(
        "旗商务局",
        Banner,
        &[],
        0.50,
        "鄂前商务发",
        "商贸、海关、旅游",
        &["电子商务进农村牧区", "招商引资", "成品油市场监管"],
        vol(40, 3, 15, 1, 6),
        &[(PERMIT, 5), (PENALTY, 3)],
    ),
    dept(
        "旗文化和旅游局",
        Banner,
        &["旗文旅局"],
        0.81,
        "鄂前文旅发",
        "文化、广电、新闻出版",
        &[
            "全域旅游",
            "非物质文化遗产保护",
            "文化市场执法",
            "公共文化服务",
        ],
        vol(65, 4, 25, 2, 7),
        &[(PERMIT, 12), (INSPECTION, 20), (PENALTY, 5)],
    ),
    with_veto(
        dept(
            "旗能源局",
            Banner,
            &[],
            0.93,
            "鄂前能源发",
            "国土资源、能源",
            &["煤矿安全生产", "电力保障", "清洁能源发展"],
            vol(45, 6, 20, 3, 7),
            &[(INSPECTION, 20)],
        ),
        Veto::Columns,
    ),
    dept(
        "旗信访局",
        Banner,
        &[],
        0.75,
        "鄂前信访发",
        "综合政务",
        &["信访积案化解", "网上信访", "领导干部接访下访"],
        vol(30, 2, 40, 2, 6),
        &[],
    ),
    dept(
        "旗民族事务委员会",
        Banner,
        &["旗民委"],
        0.68,
        "鄂前民委发",
        "民族、宗教",
        &["民族团结进步创建", "蒙古语言文字", "少数民族发展资金"],
        vol(30, 2, 5, 0, 6),
        &[],
    ),
    dept(
        "旗科学技术局",
        Banner,
        &[],
        0.80,
        "鄂前科技发",
        "科技、教育",
        &["科技创新", "科技特派员"],
        vol(0, 0, 0, 0, 0),
        &[],
    ),
    dept(
        "敖勒召其镇",
        Town,
        &["敖镇"],
        0.90,
        "敖镇发",
        "综合政务",
        &["人居环境整治", "脱贫攻坚", "嘎查村集体经济", "草原禁牧休牧"],
        vol(90, 20, 50, 5, 8),
        &[(PENALTY, 6)],
    ),
    dept(
        "上海庙镇",
        Town,
        &[],
        0.80,
        "上镇发",
        "综合政务",
        &["上海庙经济开发区服务", "人居环境整治", "脱贫攻坚"],
        vol(80, 15, 50, 4, 8),
        &[(PENALTY, 6)],
    ),
    dept(
        "城川镇",
        Town,
        &[],
        0.72,
        "城镇发",
        "综合政务",
        &["红色旅游", "脱贫攻坚", "嘎查村集体经济"],
        vol(70, 12, 40, 3, 8),
        &[(PENALTY, 4)],
    ),
    with_veto(
        dept(
            "昂素镇",
            Town,
            &[],
            0.84,
            "昂镇发",
            "综合政务",
            &["草原禁牧休牧", "脱贫攻坚", "牧区饮水安全"],
            vol(60, 10, 30, 2, 7),
            &[(PENALTY, 3)],
        ),
        Veto::Message,
    ),
    unlisted(dept(
        "旗融媒体中心",
        Banner,
        &[],
        0.88,
        "鄂前融媒发",
        "文化、广电、新闻出版",
        &["新闻宣传", "融媒体建设"],
        vol(40, 0, 0, 0, 5),
        &[],
    )),
];

/// The department called `name` (official name).
pub(crate) fn by_name(name: &str) -> &'static Dept {
    DEPTS
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no department {name} in the sample county"))
}

/// Index of the department in [`DEPTS`].
pub(crate) fn index_of(d: &Dept) -> usize {
    DEPTS.iter().position(|x| x.name == d.name).unwrap_or(0)
}

/// A fake 统一社会信用代码-like organisation code (18 characters) used as
/// the 索引号 prefix; 150623 is the banner's administrative division code.
pub(crate) fn org_code(d: &Dept) -> String {
    const CHECK: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let i = index_of(d);
    format!(
        "11150623MB{:07}{}",
        1_500_100 + i * 137,
        CHECK[(i * 7) % CHECK.len()] as char
    )
}
