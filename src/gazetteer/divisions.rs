//! Administrative divisions (province … township) and villages, with their statistical codes.

use super::{list, rows};
use crate::error::GazetteerError;
use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

pub use crate::model::Level;

/// One division above village level.
#[derive(Debug, Clone)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// Index of the parent division, if any.
    pub parent: Option<usize>,
    /// Short forms (鹤壁 for 鹤壁市).
    pub short: Vec<String>,
}

/// The division table with indexes by code and by name.
#[derive(Debug, Default)]
pub struct Divisions {
    pub items: Vec<Division>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    by_short: HashMap<String, Vec<usize>>,
}

impl Divisions {
    /// Parse `divisions.tsv` (code, name, level, parent, short).
    pub fn parse(text: &str) -> Result<Self, GazetteerError> {
        const FILE: &str = "divisions.tsv";
        let mut d = Divisions::default();
        let mut parents = Vec::new();
        for row in rows(FILE, text) {
            let (line, f) = row?;
            let level = match f[2] {
                "province" => Level::Province,
                "prefecture" => Level::Prefecture,
                "county" => Level::County,
                "township" => Level::Township,
                other => {
                    return Err(GazetteerError {
                        file: FILE.into(),
                        line,
                        reason: format!("unknown level `{other}`"),
                    });
                }
            };
            let idx = d.items.len();
            d.by_code.insert(f[0].to_owned(), idx);
            d.by_name.entry(f[1].to_owned()).or_default().push(idx);
            let short = list(f[4]);
            for s in &short {
                d.by_short.entry(s.clone()).or_default().push(idx);
            }
            parents.push((line, f[3].to_owned()));
            d.items.push(Division {
                code: f[0].to_owned(),
                name: f[1].to_owned(),
                level,
                parent: None,
                short,
            });
        }
        for (idx, (line, parent)) in parents.into_iter().enumerate() {
            if parent.is_empty() {
                continue;
            }
            let Some(&p) = d.by_code.get(&parent) else {
                return Err(GazetteerError {
                    file: FILE.into(),
                    line,
                    reason: format!("unknown parent code `{parent}`"),
                });
            };
            d.items[idx].parent = Some(p);
        }
        Ok(d)
    }

    /// Add a further short form to a division.
    pub fn add_short(&mut self, idx: usize, name: String) {
        self.by_short.entry(name.clone()).or_default().push(idx);
        self.items[idx].short.push(name);
    }

    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// Divisions whose full name is `name`.
    pub fn by_name(&self, name: &str) -> &[usize] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// Divisions with `name` as a short form.
    pub fn by_short(&self, name: &str) -> &[usize] {
        self.by_short.get(name).map_or(&[], Vec::as_slice)
    }

    /// The chain of ancestors of a division, nearest first.
    pub fn ancestors(&self, idx: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.items[idx].parent, move |&p| self.items[p].parent)
    }

    /// True when `inner` is `outer` or lies in it.
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        inner == outer || self.ancestors(inner).any(|a| a == outer)
    }

    /// The nearest ancestor (or self) at `level`.
    pub fn at_level(&self, idx: usize, level: Level) -> Option<usize> {
        std::iter::once(idx)
            .chain(self.ancestors(idx))
            .find(|&i| self.items[i].level == level)
    }
}

/// The village table (村/社区), decompressed and indexed on first use: ~620,000 names are looked up
/// by name, never scanned for in text.
#[derive(Debug)]
pub struct Villages {
    data: &'static [u8],
    index: OnceLock<Result<VillageIndex, GazetteerError>>,
}

#[derive(Debug, Default)]
struct VillageIndex {
    /// name → codes (12-digit numbers)
    by_name: HashMap<String, Vec<u64>>,
}

impl Villages {
    pub fn new(data: &'static [u8]) -> Self {
        Self {
            data,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> Result<&VillageIndex, &GazetteerError> {
        self.index.get_or_init(|| Self::build(self.data)).as_ref()
    }

    fn build(data: &[u8]) -> Result<VillageIndex, GazetteerError> {
        const FILE: &str = "villages.tsv.gz";
        let mut text = String::new();
        flate2::read::GzDecoder::new(data)
            .read_to_string(&mut text)
            .map_err(|e| GazetteerError {
                file: FILE.into(),
                line: 0,
                reason: format!("cannot decompress: {e}"),
            })?;
        let mut index = VillageIndex::default();
        index.by_name.reserve(600_000);
        for row in rows(FILE, &text) {
            let (line, f) = row?;
            let bad = |reason: String| GazetteerError {
                file: FILE.into(),
                line,
                reason,
            };
            let township: u64 = f[0].parse().map_err(|_| bad(format!("bad township code `{}`", f[0])))?;
            for item in f[1].split('|') {
                let (suffix, name) = item
                    .split_once(':')
                    .ok_or_else(|| bad(format!("bad village `{item}`")))?;
                let suffix: u64 = suffix
                    .parse()
                    .map_err(|_| bad(format!("bad village code in `{item}`")))?;
                index
                    .by_name
                    .entry(name.to_owned())
                    .or_default()
                    .push(township * 1000 + suffix);
            }
        }
        Ok(index)
    }

    /// Codes (12 digits) of the villages called `name` (罗庄村).
    pub fn lookup(&self, name: &str) -> Vec<String> {
        match self.index() {
            Ok(index) => index
                .by_name
                .get(name)
                .map(|codes| codes.iter().map(|c| format!("{c:012}")).collect())
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }

    /// Whether the table loaded (it always does for the embedded file; tests check it).
    pub fn check(&self) -> Result<usize, &GazetteerError> {
        self.index().map(|i| i.by_name.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn hierarchy_and_short_forms() {
        let g = Gazetteer::embedded().expect("gazetteer");
        let d = &g.divisions;
        let hebi = d.by_code("4106").expect("鹤壁市");
        assert_eq!(d.items[hebi].name, "鹤壁市");
        assert!(d.by_short("鹤壁").contains(&hebi));
        let xun = d.by_name("浚县")[0];
        assert!(d.within(xun, hebi));
        assert_eq!(
            d.at_level(xun, Level::Province).map(|p| d.items[p].name.as_str()),
            Some("河南省")
        );
        // 淇县 and 滑县 keep their whole name
        assert!(d.items[d.by_name("淇县")[0]].short.is_empty());
    }

    #[test]
    fn villages_are_found_by_their_short_name() {
        let g = Gazetteer::embedded().expect("gazetteer");
        assert!(g.villages.check().expect("village table") > 100_000);
        let codes = g.villages.lookup("罗庄村");
        // one in 山城区石林镇, one in 浚县 (罗庄村民委员会), and many elsewhere in China
        assert!(codes.iter().any(|c| c.starts_with("410603100")));
        assert!(codes.iter().any(|c| c.starts_with("410621")));
        assert!(codes.len() > 10);
    }
}
