//! A generator of article-shaped text for benchmarks: local-news items about real places (from
//! the gazetteer), invented people (surnames and given-name characters from the name tables),
//! posts, checkpoints, tours, donations and filler sentences. Deterministic for a seed.

use guanxi::gazetteer::{Gazetteer, Level};

/// xorshift64*: small, deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高",
    "罗",
];
const GIVEN: &[&str] = &[
    "建", "国", "华", "明", "军", "伟", "芳", "丽", "强", "文", "志", "海", "涛", "霞", "红", "杰", "平", "东", "新",
    "英",
];
const TITLES: &[&str] = &[
    "县委书记",
    "县长",
    "区委书记",
    "区长",
    "镇党委书记",
    "镇长",
    "局长",
    "主任",
    "副局长",
    "队长",
];
const UNITS: &[&str] = &[
    "住建局",
    "卫健委",
    "交通运输局",
    "公安局",
    "财政局",
    "人社局",
    "教体局",
    "应急管理局",
    "市场监管局",
];
const FILLER: &[&str] = &[
    "全县各级各部门坚持一手抓疫情防控、一手抓复工复产,推动各项工作有序开展。",
    "广大党员干部主动亮身份、当先锋、作表率,在疫情防控一线发挥了战斗堡垒作用。",
    "截至目前,全市规模以上工业企业复工率达到百分之九十以上,重点项目建设稳步推进。",
    "志愿者们挨家挨户排查登记,宣传防控知识,为群众送去生活物资。",
    "当天,该县还召开专题会议,研究部署下一步疫情防控和经济社会发展工作。",
];

fn person(r: &mut Rng) -> String {
    let mut s = (*r.pick(SURNAMES)).to_string();
    s.push_str(r.word(GIVEN));
    if r.next() % 4 != 0 {
        s.push_str(r.word(GIVEN));
    }
    s
}

/// Counties with their townships, for articles set in real places.
pub struct Places {
    counties: Vec<(String, Vec<String>)>,
}

impl Places {
    pub fn new(g: &Gazetteer) -> Self {
        let d = &g.divisions;
        let mut counties: Vec<(String, Vec<String>)> = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (i, x) in d.items.iter().enumerate() {
            if x.level == Level::County && x.name.ends_with('县') {
                index.insert(i, counties.len());
                counties.push((x.name.clone(), Vec::new()));
            }
        }
        for x in &d.items {
            if x.level == Level::Township && x.name.ends_with('镇') {
                if let Some(&c) = x.parent.and_then(|p| index.get(&p)) {
                    counties[c].1.push(x.name.clone());
                }
            }
        }
        counties.retain(|(_, t)| !t.is_empty());
        Places { counties }
    }
}

/// One article of about 1–2 KB.
pub fn article(r: &mut Rng, places: &Places) -> String {
    let (county, towns) = r.pick(&places.counties);
    let town = r.pick(towns);
    let secretary = person(r);
    let mayor = person(r);
    let reporter = person(r);
    let head = person(r);
    let unit = r.pick(UNITS);
    let title = r.pick(TITLES);
    let mut s = format!("{county}扎实做好疫情防控工作\n\n□本报记者 {reporter}\n\n");
    s.push_str(&format!(
        "{}月{}日,县委书记{secretary}到{town}{}村卡点、{town}交界卡点督导检查疫情防控工作。县委副书记、县长{mayor}一同督导。\n\n",
        1 + r.next() % 3,
        1 + r.next() % 28,
        r.pick(GIVEN)
    ));
    s.push_str(&format!(
        "县{unit}{title}{head}介绍,全县共设立卡点{}个,党员干部轮流值守。\n\n",
        10 + r.next() % 90
    ));
    for _ in 0..(2 + r.next() % 4) {
        s.push_str(r.word(FILLER));
    }
    s.push_str("\n\n");
    s.push_str(&format!(
        "{}有限公司向{county}红十字会捐赠{}万元,用于支持疫情防控工作。\n\n",
        r.pick(&["鹤壁宏达", "河南永安", "中原恒信", "豫北华兴"]),
        1 + r.next() % 300
    ));
    s.push_str(&format!(
        "{town}党委书记{}说:“我们将继续坚守岗位,守护好群众的生命安全。”\n",
        person(r)
    ));
    s
}

/// Articles adding up to at least `bytes` bytes of UTF-8.
pub fn corpus(g: &Gazetteer, bytes: usize, seed: u64) -> Vec<String> {
    let places = Places::new(g);
    let mut r = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut r, &places);
        total += a.len();
        out.push(a);
    }
    out
}
