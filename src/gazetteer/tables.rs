//! The smaller tables: world places, organisations, suffixes, titles, name statistics, frames.

use super::{list, parse_class, rows};
use crate::error::GazetteerError;
use crate::model::Class;
use std::collections::HashMap;

/// What kind of place a world place is (`places.tsv`, and countries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorldKind {
    Country,
    Continent,
    Region,
    City,
    State,
    Historical,
    Feature,
    Landmark,
}

impl WorldKind {
    fn parse(field: &str) -> Option<Self> {
        Some(match field {
            "country" => Self::Country,
            "continent" => Self::Continent,
            "region" => Self::Region,
            "city" => Self::City,
            "state" => Self::State,
            "historical" => Self::Historical,
            "feature" => Self::Feature,
            "landmark" => Self::Landmark,
            _ => return None,
        })
    }
}

/// What kind of place a place suffix makes (`place-suffixes.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// An area below the division table's detail or missing from it (村, 社区, 街道).
    Division,
    /// A zone or park (示范区, 开发区, 园区).
    Area,
    Road,
    /// A station, square, hall or venue.
    Facility,
    /// A natural feature, or a foreign or former division the segmenter reads as a place name.
    Feature,
    /// A former or foreign division or a named building only a dictionary word names (锡山市).
    Named,
}

impl PlaceKind {
    fn parse(field: &str) -> Option<Self> {
        Some(match field {
            "division" => Self::Division,
            "area" => Self::Area,
            "road" => Self::Road,
            "facility" => Self::Facility,
            "feature" => Self::Feature,
            "named" => Self::Named,
            _ => return None,
        })
    }
}

/// What a title says of the one who bears it (`titles.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleKind {
    Party,
    Government,
    Unit,
    Medical,
    /// A journalist's title: a post in the article's paper (记者, 通讯员).
    Media,
    Other,
    /// A word for the leaders of an area (县领导): a post in the area itself.
    Leader,
    /// A word for what a person is, no post (党员, 村民).
    Person,
    /// A word of address after a surname (先生, 老师).
    Address,
}

impl TitleKind {
    fn parse(field: &str) -> Option<Self> {
        Some(match field {
            "party" => Self::Party,
            "government" => Self::Government,
            "unit" => Self::Unit,
            "medical" => Self::Medical,
            "media" => Self::Media,
            "other" => Self::Other,
            "leader" => Self::Leader,
            "person" => Self::Person,
            "address" => Self::Address,
            _ => return None,
        })
    }
}

/// A place outside the division table (country, world city, region, river …).
#[derive(Debug, Clone)]
pub struct WorldPlace {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: WorldKind,
    /// Containing country or region, by name.
    pub parent: Option<String>,
    /// ISO code for countries.
    pub code: Option<String>,
}

/// A named organisation that stands without an area (国务院, 新华社, 联合国).
#[derive(Debug, Clone)]
pub struct KnownOrg {
    pub name: String,
    pub aliases: Vec<String>,
    /// Aliases that are also common words (中央): they count only in a list of organisations.
    pub weak: Vec<String>,
    pub class: Class,
}

/// A standard body of local government or party (住房和城乡建设局 ⇄ 住建局).
#[derive(Debug, Clone)]
pub struct OrgUnit {
    /// Canonical name template: `{}` stands for the area (中共{}委员会); without `{}` the area's
    /// name goes before it.
    pub full: String,
    pub short: Vec<String>,
    pub class: Class,
    /// A further name in formal use, as a template (中共{}委).
    pub formal: Option<String>,
    /// The body whose name this unit's name contains, as a template (中共{}委员会 for 委组织部).
    pub parent: Option<String>,
}

impl OrgUnit {
    /// The unit's name without its area placeholder (委员会 for 中共{}委员会).
    pub fn bare_full(&self) -> String {
        self.full.replace("{}", "")
    }
}

/// Fill an organisation template with an area name: `{}` replaced, or the area put before it.
pub fn render(template: &str, area: &str) -> String {
    if template.contains("{}") {
        template.replace("{}", area)
    } else {
        format!("{area}{template}")
    }
}

/// A word that ends an organisation or place name.
#[derive(Debug, Clone)]
pub struct Suffix {
    pub text: String,
    pub class: Class,
    /// Organisation suffix that needs a parent or area before it (科, 组, 党支部).
    pub unit: bool,
    /// The kind of place a place suffix makes (none for organisation suffixes).
    pub kind: Option<PlaceKind>,
}

/// A role title.
#[derive(Debug, Clone)]
pub struct Title {
    pub text: String,
    pub heads: bool,
    /// Level of the area whose organisation the title names by itself (市委书记 → city).
    pub scope: Option<super::Level>,
    /// `true` when the scope is the nearest area the text gives, whatever its level.
    pub any_area: bool,
    /// Template of that organisation's canonical name (中共{}委).
    pub org: Option<String>,
    pub kind: TitleKind,
    /// Whether the title word names that organisation itself (县委书记 names 县委; 县长 names no
    /// 县政府, 村支书 no 党支部): derived at load from the organisation's name and abbreviations.
    pub names_body: bool,
}

/// The event frame a verb opens (`verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// A visit, inspection or supervision (督导, 调研, 走访慰问).
    Visit,
    /// Service at a place or checkpoint (值守, 执勤).
    Serve,
    /// A gift (捐赠, 捐款).
    Give,
    /// Speech, marking the person before it (介绍, 表示).
    Speech,
    /// Leading what follows (率, 带队, 带领).
    Lead,
    /// Going along on a visit (陪同, 参加, 随同).
    Accompany,
}

/// What a function word does in the grammar of lists and events (`markers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerRole {
    Separator,
    Closer,
    Sequence,
    Locative,
    Scene,
    FollowOn,
    Group,
    Pronoun,
    Together,
    Hosted,
    Time,
    Position,
    Server,
    Anaphor,
    Settlement,
    Today,
    Yesterday,
    TitleJoiner,
}

impl MarkerRole {
    fn parse(field: &str) -> Option<Self> {
        Some(match field {
            "separator" => Self::Separator,
            "closer" => Self::Closer,
            "sequence" => Self::Sequence,
            "locative" => Self::Locative,
            "scene" => Self::Scene,
            "follow-on" => Self::FollowOn,
            "group" => Self::Group,
            "pronoun" => Self::Pronoun,
            "together" => Self::Together,
            "hosted" => Self::Hosted,
            "time" => Self::Time,
            "position" => Self::Position,
            "server" => Self::Server,
            "anaphor" => Self::Anaphor,
            "settlement" => Self::Settlement,
            "today" => Self::Today,
            "yesterday" => Self::Yesterday,
            "title-joiner" => Self::TitleJoiner,
            _ => return None,
        })
    }
}

/// The function words of `markers.tsv` by role, each as characters, longest first, and indexed by
/// their first and last characters so that a lookup at a position compares only the words that can
/// stand there.
#[derive(Debug, Default)]
pub struct Markers {
    by_role: HashMap<MarkerRole, Vec<Vec<char>>>,
    by_first: HashMap<(MarkerRole, char), Vec<usize>>,
    by_last: HashMap<(MarkerRole, char), Vec<usize>>,
    /// For every character of the basic plane, the roles (bits) that have a word beginning
    /// (ending) with it: most characters begin none, and are passed over without a lookup.
    first_roles: Vec<u32>,
    last_roles: Vec<u32>,
}

/// The bit of a role in `Markers::first_roles`.
fn role_bit(role: MarkerRole) -> u32 {
    1 << (role as u32)
}

/// Whether a character may begin (end) a word of the role, by the plane bitmap.
fn may(map: &[u32], c: char, role: MarkerRole) -> bool {
    map.get(c as usize).is_none_or(|bits| bits & role_bit(role) != 0)
}

impl Markers {
    /// The words of a role, longest first.
    pub fn words(&self, role: MarkerRole) -> &[Vec<char>] {
        self.by_role.get(&role).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` is a word of the role.
    pub fn is(&self, role: MarkerRole, word: &str) -> bool {
        let mut cs = word.chars();
        let Some(first) = cs.next() else { return false };
        let words = self.words(role);
        self.by_first
            .get(&(role, first))
            .is_some_and(|ids| ids.iter().any(|&k| words[k].iter().copied().eq(word.chars())))
    }

    /// The length of the longest word of the role that starts at `i` in `text` (before `end`).
    pub fn at(&self, role: MarkerRole, text: &[char], i: usize, end: usize) -> Option<usize> {
        let first = *text.get(i)?;
        if !may(&self.first_roles, first, role) {
            return None;
        }
        let words = self.words(role);
        self.by_first.get(&(role, first))?.iter().find_map(|&k| {
            let w = &words[k];
            (i + w.len() <= end && text[i..i + w.len()] == w[..]).then_some(w.len())
        })
    }

    /// The length of the longest word of the role that ends at `i` in `text` (after `start`).
    pub fn ending(&self, role: MarkerRole, text: &[char], start: usize, i: usize) -> Option<usize> {
        let last = *text.get(i.checked_sub(1)?)?;
        if !may(&self.last_roles, last, role) {
            return None;
        }
        let words = self.words(role);
        self.by_last.get(&(role, last))?.iter().find_map(|&k| {
            let w = &words[k];
            (i >= start + w.len() && text[i - w.len()..i] == w[..]).then_some(w.len())
        })
    }
}

pub fn parse_markers(text: &str) -> Result<Markers, GazetteerError> {
    let mut m = Markers::default();
    for row in rows("markers.tsv", text) {
        let (line, f) = row?;
        let role = MarkerRole::parse(f[1]).ok_or_else(|| GazetteerError {
            file: "markers.tsv".into(),
            line,
            reason: format!("unknown role `{}`", f[1]),
        })?;
        m.by_role.entry(role).or_default().push(f[0].chars().collect());
    }
    m.first_roles = vec![0; 0x10000];
    m.last_roles = vec![0; 0x10000];
    for (&role, words) in m.by_role.iter_mut() {
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        for (k, w) in words.iter().enumerate() {
            if let (Some(&first), Some(&last)) = (w.first(), w.last()) {
                m.by_first.entry((role, first)).or_default().push(k);
                m.by_last.entry((role, last)).or_default().push(k);
                if let Some(bits) = m.first_roles.get_mut(first as usize) {
                    *bits |= role_bit(role);
                }
                if let Some(bits) = m.last_roles.get_mut(last as usize) {
                    *bits |= role_bit(role);
                }
            }
        }
    }
    Ok(m)
}

/// The role of a word in checkpoint names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckpointRole {
    /// Ends a checkpoint name (卡点, 检查站).
    Checkpoint,
    /// Makes the checkpoint before it generic (一线卡点).
    Generic,
}

/// Per-character counts for person names.
#[derive(Debug, Clone, Copy, Default)]
pub struct CharStats {
    pub given1: u32,
    pub given2: u32,
    pub single: u32,
    pub translit: u32,
    pub left: u32,
    pub right: u32,
    pub total: u32,
}

/// Surname and given-name character statistics.
#[derive(Debug, Default)]
pub struct NameStats {
    surnames: HashMap<String, u32>,
    pub surname_total: u32,
    chars: HashMap<char, CharStats>,
    pub totals: CharStats,
}

impl NameStats {
    pub fn parse(surnames: &str, chars: &str) -> Result<Self, GazetteerError> {
        let mut s = NameStats::default();
        for row in rows("surnames.tsv", surnames) {
            let (line, f) = row?;
            let n: u32 = number("surnames.tsv", line, f[1])?;
            s.surnames.insert(f[0].to_owned(), n);
            s.surname_total += n;
        }
        for row in rows("name-chars.tsv", chars) {
            let (line, f) = row?;
            let mut nums = [0u32; 7];
            for (i, v) in nums.iter_mut().enumerate() {
                *v = number("name-chars.tsv", line, f[i + 1])?;
            }
            let st = CharStats {
                given1: nums[0],
                given2: nums[1],
                single: nums[2],
                translit: nums[3],
                left: nums[4],
                right: nums[5],
                total: nums[6],
            };
            if f[0] == "*" {
                s.totals = st;
            } else if let Some(c) = f[0].chars().next() {
                s.chars.insert(c, st);
            }
        }
        Ok(s)
    }

    pub fn surname_count(&self, s: &str) -> u32 {
        self.surnames.get(s).copied().unwrap_or(0)
    }

    pub fn is_surname(&self, s: &str) -> bool {
        self.surnames.contains_key(s)
    }

    pub fn char(&self, c: char) -> CharStats {
        self.chars.get(&c).copied().unwrap_or_default()
    }
}

fn number(file: &str, line: usize, field: &str) -> Result<u32, GazetteerError> {
    field.parse().map_err(|_| GazetteerError {
        file: file.into(),
        line,
        reason: format!("`{field}` is not a count"),
    })
}

fn yes_no(file: &str, line: usize, field: &str) -> Result<bool, GazetteerError> {
    match field {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(GazetteerError {
            file: file.into(),
            line,
            reason: format!("expected yes or no, found `{field}`"),
        }),
    }
}

pub fn parse_countries(text: &str) -> Result<Vec<WorldPlace>, GazetteerError> {
    rows("countries.tsv", text)
        .map(|row| {
            let (_, f) = row?;
            Ok(WorldPlace {
                name: f[1].to_owned(),
                aliases: list(f[2]),
                kind: WorldKind::Country,
                parent: None,
                code: Some(f[0].to_owned()),
            })
        })
        .collect()
}

pub fn parse_places(text: &str) -> Result<Vec<WorldPlace>, GazetteerError> {
    rows("places.tsv", text)
        .map(|row| {
            let (line, f) = row?;
            Ok(WorldPlace {
                name: f[0].to_owned(),
                aliases: list(f[1]),
                kind: WorldKind::parse(f[2]).ok_or_else(|| GazetteerError {
                    file: "places.tsv".into(),
                    line,
                    reason: format!("unknown kind `{}`", f[2]),
                })?,
                parent: Some(f[3].to_owned()).filter(|p| !p.is_empty()),
                code: None,
            })
        })
        .collect()
}

pub fn parse_organisations(text: &str) -> Result<Vec<KnownOrg>, GazetteerError> {
    rows("organisations.tsv", text)
        .map(|row| {
            let (line, f) = row?;
            let (weak, aliases): (Vec<String>, Vec<String>) = list(f[1]).into_iter().partition(|a| a.starts_with('~'));
            Ok(KnownOrg {
                name: f[0].to_owned(),
                aliases,
                weak: weak.into_iter().map(|a| a[1..].to_owned()).collect(),
                class: parse_class("organisations.tsv", line, f[2])?,
            })
        })
        .collect()
}

pub fn parse_org_units(text: &str) -> Result<Vec<OrgUnit>, GazetteerError> {
    rows("org-units.tsv", text)
        .map(|row| {
            let (line, f) = row?;
            Ok(OrgUnit {
                full: f[0].to_owned(),
                short: list(f[1]),
                class: parse_class("org-units.tsv", line, f[2])?,
                formal: Some(f[3].to_owned()).filter(|x| x != "-"),
                parent: Some(f[4].to_owned()).filter(|x| x != "-"),
            })
        })
        .collect()
}

/// `org-suffixes.tsv` (suffix, class, unit) or `place-suffixes.tsv` (suffix, kind).
pub fn parse_suffixes(file: &str, text: &str) -> Result<Vec<Suffix>, GazetteerError> {
    let mut out: Vec<Suffix> = rows(file, text)
        .map(|row| {
            let (line, f) = row?;
            Ok(if f.len() >= 3 {
                Suffix {
                    text: f[0].to_owned(),
                    class: parse_class(file, line, f[1])?,
                    unit: yes_no(file, line, f[2])?,
                    kind: None,
                }
            } else {
                Suffix {
                    text: f[0].to_owned(),
                    class: parse_class(file, line, f[1])?,
                    unit: false,
                    kind: Some(PlaceKind::parse(f[1]).ok_or_else(|| GazetteerError {
                        file: file.into(),
                        line,
                        reason: format!("unknown kind `{}`", f[1]),
                    })?),
                }
            })
        })
        .collect::<Result<_, GazetteerError>>()?;
    // longest first, so that a lookup by "ends with" takes the most specific suffix
    out.sort_by_key(|s| std::cmp::Reverse(s.text.chars().count()));
    out.dedup_by(|a, b| a.text == b.text);
    Ok(out)
}

pub fn parse_titles(text: &str) -> Result<Vec<Title>, GazetteerError> {
    const FILE: &str = "titles.tsv";
    rows(FILE, text)
        .map(|row| {
            let (line, f) = row?;
            let (scope, any_area) = match f[2] {
                "-" => (None, false),
                "province" => (Some(super::Level::Province), false),
                "city" => (Some(super::Level::Prefecture), false),
                "county" => (Some(super::Level::County), false),
                "town" => (Some(super::Level::Township), false),
                "village" => (Some(super::Level::Village), false),
                "area" => (None, true),
                other => {
                    return Err(GazetteerError {
                        file: FILE.into(),
                        line,
                        reason: format!("unknown scope `{other}`"),
                    });
                }
            };
            Ok(Title {
                text: f[0].to_owned(),
                heads: yes_no(FILE, line, f[1])?,
                scope,
                any_area,
                org: Some(f[3].to_owned()).filter(|o| o != "-"),
                kind: TitleKind::parse(f[4]).ok_or_else(|| GazetteerError {
                    file: FILE.into(),
                    line,
                    reason: format!("unknown kind `{}`", f[4]),
                })?,
                names_body: false,
            })
        })
        .collect()
}

/// Read every title also with the words that make a deputy (副秘书长, 常务副会长; word list
/// `title-deputy-prefix`): the same scope and organisation, heading nothing. A form the table
/// writes itself keeps the table's row.
pub fn derive_deputy_titles(titles: &mut Vec<Title>, prefixes: &[&str]) {
    let known: std::collections::HashSet<String> = titles.iter().map(|t| t.text.clone()).collect();
    let mut derived = Vec::new();
    for t in titles.iter() {
        for p in prefixes {
            // (no 副副: a deputy's title takes no second deputy word before its own)
            if prefixes.iter().any(|q| t.text.starts_with(q))
                || matches!(t.kind, TitleKind::Person | TitleKind::Address | TitleKind::Leader)
            {
                continue;
            }
            let text = format!("{p}{}", t.text);
            if !known.contains(&text) && !derived.iter().any(|d: &Title| d.text == text) {
                derived.push(Title {
                    text,
                    heads: false,
                    ..t.clone()
                });
            }
        }
    }
    titles.extend(derived);
}

/// Set [`Title::names_body`]: the title holds its organisation's name without the area (委员会 of
/// 中共{}委员会) or one of the abbreviations of its standard body (委, 党委, 政协, 人大).
pub fn mark_named_bodies(titles: &mut [Title], units: &[OrgUnit]) {
    for t in titles {
        let Some(template) = &t.org else { continue };
        let fixed = template.replace("{}", "").replace("中共", "");
        let unit = units.iter().find(|u| &u.full == template);
        t.names_body =
            t.text.contains(&fixed) || unit.is_some_and(|u| u.short.iter().any(|a| t.text.contains(a.as_str())));
    }
}

pub fn parse_checkpoints(text: &str) -> Result<Vec<(String, CheckpointRole)>, GazetteerError> {
    rows("checkpoints.tsv", text)
        .map(|row| {
            let (line, f) = row?;
            let role = match f[1] {
                "checkpoint" => CheckpointRole::Checkpoint,
                "generic" => CheckpointRole::Generic,
                other => {
                    return Err(GazetteerError {
                        file: "checkpoints.tsv".into(),
                        line,
                        reason: format!("unknown role `{other}`"),
                    });
                }
            };
            Ok((f[0].to_owned(), role))
        })
        .collect()
}

pub fn parse_verbs(text: &str) -> Result<HashMap<String, VerbClass>, GazetteerError> {
    rows("verbs.tsv", text)
        .map(|row| {
            let (line, f) = row?;
            let kind = match f[1] {
                "visit" => VerbClass::Visit,
                "serve" => VerbClass::Serve,
                "give" => VerbClass::Give,
                "speech" => VerbClass::Speech,
                "lead" => VerbClass::Lead,
                "accompany" => VerbClass::Accompany,
                other => {
                    return Err(GazetteerError {
                        file: "verbs.tsv".into(),
                        line,
                        reason: format!("unknown class `{other}`"),
                    });
                }
            };
            Ok((f[0].to_owned(), kind))
        })
        .collect()
}
