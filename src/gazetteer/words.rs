//! `words.tsv`: the word lists the rules read, parsed into [`WordList`]s at load. A rule asks
//! whether a word is in a list, whether a word ends in one of a list's words, or whether a
//! character is in a list of characters — never spelling the words out in code.

use super::rows;
use crate::error::GazetteerError;
use std::collections::{HashMap, HashSet};

/// The lists of `words.tsv` (its header says what each holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WordList {
    /// common words that end like an organisation (部队, 单位, 上市公司): a name ending in one names none unless something proper stands before it
    OrgGenericEnding,
    /// organisation words that alone name no organisation (公司, 医院)
    OrgGenericWord,
    /// words that name no organisation even after an area (市中心, 全市机关, 中国代表团)
    AreaGeneric,
    /// verbs and topics that may stand inside an organisation's name (救援队, 联防联控组, 新冠肺炎护理组)
    NameVerb,
    /// characters that end an organisation's abbreviation (剧协, 农大, 社科联)
    AbbreviationEnding,
    /// words that end events, not organisations (维也纳音乐会, 亚运会)
    EventEnding,
    /// party organs written at the end of an organisation's name (市人社局党组, 开发区党工委)
    PartyOrgan,
    /// characters that stand for the article's own area of a level (市住建局, 县人民医院)
    ScopeCharacter,
    /// classifiers after a number (4家, 3所): no name material
    Classifier,
    /// characters that begin function words, not names (为鹤 is 为 + 鹤)
    FunctionCharacter,
    /// numerals of ordinals (第四, 首批) and counts
    Numeral,
    /// what an ordinal counts in a name (第四批, 首届)
    OrdinalUnit,
    /// characters that open references to the article's own area or body (我市, 本报, 该局)
    Deictic,
    /// verbs after an organisation that list its sub-units (指挥部下设综合组、…)
    ParentVerb,
    /// characters that cannot begin a place name composed by suffix (全村, 该镇, 进村)
    PlaceNotFirst,
    /// words that end a group of companies (集团, 总公司): a company named after one is its unit
    /// (湖南黄金集团辰州矿业)
    GroupWord,
    /// numbers that name a day and, after it, places (八一大闸, 五一广场, 七一水库): a name may begin
    /// with one, though numbers begin none
    CommemoratedDay,
    /// words that make a zone or facility generic (省级产业集聚区, 各个广场)
    PlaceGenericModifier,
    /// words that end like a division but say what kind of place it is (农业大省, 科教兴市)
    PlaceKindEnding,
    /// zones that, written bare, are the home city's (城乡一体化示范区)
    Zone,
    /// words between a place and a checkpoint word (…疫情防控卡点, …村口卡点)
    CheckpointDescriptor,
    /// gates that, written with a checkpoint word, name the checkpoint of the village of the passage (村口卡点)
    Gate,
    /// titles that make a member rather than a post holder
    MemberTitle,
    /// words before a title that make its holder a deputy or an honorary one, who heads nothing
    /// (副秘书长, 常务副会长, 名誉会长): each title of titles.tsv is also read with them
    TitleDeputyPrefix,
    /// words that end the name of a newspaper
    NewspaperEnding,
    /// what a list of trades or departments ends with (交通、公安、卫健等部门): its items are no people
    BodyListHead,
    /// words after an outlet's name in a dateline that are not part of it (红网时刻)
    OutletEdition,
    /// words that end an outlet's name in a dateline, before its place (海南日报 文城)
    MediaWord,
    /// references to the article's city
    ReferenceCity,
    /// references to the article's county
    ReferenceCounty,
    /// references to the article's province
    ReferenceProvince,
    /// references to the township of the passage
    ReferenceTownship,
    /// references to the village of the passage
    ReferenceVillage,
    /// the article's newspaper
    ReferenceNewspaper,
    /// words that, after 该, refer to the nearest organisation ending in them (该局, 该公司)
    ReferenceOrganisation,
    /// words after a name that make it a doctrine, not a person (邓小平理论)
    Doctrine,
    /// scope characters of a county or above (市人民会堂, 县人民医院)
    UpperScopeCharacter,
    /// characters that bind a scope character after them into a word of their own (全市, 我县, 各县区)
    ScopeBinder,
    /// characters after which a scope character begins a name, whatever the segmenter joined (在市人民医院, 当市)
    ScopeOpener,
    /// locatives the segmenter glues to the name after or before them (到岗坡, 李伟到)
    GluedLocative,
    /// settlement words of villages (A、B等村: villages to look up in the village table)
    VillageWord,
    /// characters that end a village's name written without 村 (柘树庄)
    VillageEnding,
    /// words that end a township's name in the division table (others, 新材料产业园, are left to the suffix rules)
    TownshipEnding,
    /// characters that end the dictionary's words for parties and associations (工党, 证监会, 记协, 侨联)
    OrganEnding,
}

impl WordList {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "org-generic-ending" => Self::OrgGenericEnding,
            "org-generic-word" => Self::OrgGenericWord,
            "area-generic" => Self::AreaGeneric,
            "name-verb" => Self::NameVerb,
            "abbreviation-ending" => Self::AbbreviationEnding,
            "event-ending" => Self::EventEnding,
            "party-organ" => Self::PartyOrgan,
            "scope-character" => Self::ScopeCharacter,
            "classifier" => Self::Classifier,
            "function-character" => Self::FunctionCharacter,
            "numeral" => Self::Numeral,
            "ordinal-unit" => Self::OrdinalUnit,
            "deictic" => Self::Deictic,
            "parent-verb" => Self::ParentVerb,
            "place-not-first" => Self::PlaceNotFirst,
            "commemorated-day" => Self::CommemoratedDay,
            "group-word" => Self::GroupWord,
            "place-generic-modifier" => Self::PlaceGenericModifier,
            "place-kind-ending" => Self::PlaceKindEnding,
            "zone" => Self::Zone,
            "checkpoint-descriptor" => Self::CheckpointDescriptor,
            "gate" => Self::Gate,
            "member-title" => Self::MemberTitle,
            "title-deputy-prefix" => Self::TitleDeputyPrefix,
            "newspaper-ending" => Self::NewspaperEnding,
            "body-list-head" => Self::BodyListHead,
            "outlet-edition" => Self::OutletEdition,
            "media-word" => Self::MediaWord,
            "reference-city" => Self::ReferenceCity,
            "reference-county" => Self::ReferenceCounty,
            "reference-province" => Self::ReferenceProvince,
            "reference-township" => Self::ReferenceTownship,
            "reference-village" => Self::ReferenceVillage,
            "reference-newspaper" => Self::ReferenceNewspaper,
            "reference-organisation" => Self::ReferenceOrganisation,
            "doctrine" => Self::Doctrine,
            "upper-scope-character" => Self::UpperScopeCharacter,
            "scope-binder" => Self::ScopeBinder,
            "scope-opener" => Self::ScopeOpener,
            "glued-locative" => Self::GluedLocative,
            "village-word" => Self::VillageWord,
            "village-ending" => Self::VillageEnding,
            "township-ending" => Self::TownshipEnding,
            "organ-ending" => Self::OrganEnding,
            _ => return None,
        })
    }
}

/// The words of one list: as strings, as characters, longest first.
#[derive(Debug, Default)]
struct List {
    set: HashSet<String>,
    chars: HashSet<char>,
    longest_first: Vec<String>,
}

/// Every list of `words.tsv`.
#[derive(Debug, Default)]
pub struct Words {
    lists: HashMap<WordList, List>,
}

static EMPTY: std::sync::LazyLock<List> = std::sync::LazyLock::new(List::default);

impl Words {
    pub fn parse(text: &str) -> Result<Self, GazetteerError> {
        let mut w = Words::default();
        for row in rows("words.tsv", text) {
            let (line, f) = row?;
            let list = WordList::parse(f[1]).ok_or_else(|| GazetteerError {
                file: "words.tsv".into(),
                line,
                reason: format!("unknown list `{}`", f[1]),
            })?;
            let l = w.lists.entry(list).or_default();
            let mut cs = f[0].chars();
            if let (Some(c), None) = (cs.next(), cs.next()) {
                l.chars.insert(c);
            }
            if l.set.insert(f[0].to_owned()) {
                l.longest_first.push(f[0].to_owned());
            }
        }
        for l in w.lists.values_mut() {
            l.longest_first.sort_by_key(|x| std::cmp::Reverse(x.chars().count()));
        }
        Ok(w)
    }

    fn list(&self, list: WordList) -> &List {
        self.lists.get(&list).unwrap_or(&EMPTY)
    }

    /// Whether `word` is a word of the list.
    pub fn has(&self, list: WordList, word: &str) -> bool {
        self.list(list).set.contains(word)
    }

    /// Whether `c` is a one-character word of the list.
    pub fn has_char(&self, list: WordList, c: char) -> bool {
        self.list(list).chars.contains(&c)
    }

    /// Whether `word` ends in a word of the list.
    pub fn ends_any(&self, list: WordList, word: &str) -> bool {
        self.list(list).longest_first.iter().any(|w| word.ends_with(w.as_str()))
    }

    /// Whether `word` begins with a word of the list.
    pub fn starts_any(&self, list: WordList, word: &str) -> bool {
        self.list(list)
            .longest_first
            .iter()
            .any(|w| word.starts_with(w.as_str()))
    }

    /// The words of the list, longest first.
    pub fn iter(&self, list: WordList) -> impl Iterator<Item = &str> {
        self.list(list).longest_first.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer_membership_endings_and_characters() {
        let w = Words::parse("word\tlist\n部门\torg-generic-ending\n委\tabbreviation-ending\n").expect("parses");
        assert!(w.has(WordList::OrgGenericEnding, "部门"));
        assert!(w.ends_any(WordList::OrgGenericEnding, "交通部门"));
        assert!(w.has_char(WordList::AbbreviationEnding, '委'));
        assert!(!w.has(WordList::Zone, "部门"));
    }

    #[test]
    fn an_unknown_list_names_the_line() {
        let err = Words::parse("word\tlist\n部门\tno-such-list\n").expect_err("unknown");
        assert_eq!(err.to_string(), "gazetteer/words.tsv:2: unknown list `no-such-list`");
    }
}
