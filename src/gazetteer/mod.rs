//! The gazetteer: data files of `gazetteer/` (embedded in the binary), parsed into lookup tables.
//!
//! Loading and matching are separate: this module only parses the files ([`Gazetteer::embedded`]);
//! `segment::lexicon` builds the automata that match them in text.

mod divisions;
mod tables;
mod words;

pub use divisions::{Division, Divisions, Level, Villages};
pub use tables::{
    CharStats, CheckpointRole, KnownOrg, MarkerRole, Markers, NameStats, OrgUnit, PlaceKind, Suffix, Title, TitleKind,
    VerbClass, WorldKind, WorldPlace, render,
};
pub use words::{WordList, Words};

use crate::error::GazetteerError;
use crate::model::Class;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Every table of the gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    pub divisions: Divisions,
    pub villages: Villages,
    pub countries: Vec<WorldPlace>,
    pub places: Vec<WorldPlace>,
    pub organisations: Vec<KnownOrg>,
    pub org_units: Vec<OrgUnit>,
    pub org_suffixes: Vec<Suffix>,
    pub place_suffixes: Vec<Suffix>,
    pub titles: Vec<Title>,
    pub names: NameStats,
    pub checkpoint_words: Vec<(String, CheckpointRole)>,
    /// Verbs and the event frame each opens.
    pub verbs: HashMap<String, VerbClass>,
    /// Function words of lists and events, by role.
    pub markers: Markers,
    /// The word lists the rules read.
    pub words: Words,
}

/// The data files, embedded at build time.
pub(crate) mod files {
    pub const DIVISIONS: &str = include_str!("../../gazetteer/divisions.tsv");
    pub const VILLAGES: &[u8] = include_bytes!("../../gazetteer/villages.tsv.gz");
    pub const COUNTRIES: &str = include_str!("../../gazetteer/countries.tsv");
    pub const COUNTRY_ALIASES: &str = include_str!("../../gazetteer/country-aliases.tsv");
    pub const PLACES: &str = include_str!("../../gazetteer/places.tsv");
    pub const ORGANISATIONS: &str = include_str!("../../gazetteer/organisations.tsv");
    pub const ORG_UNITS: &str = include_str!("../../gazetteer/org-units.tsv");
    pub const ORG_SUFFIXES: &str = include_str!("../../gazetteer/org-suffixes.tsv");
    pub const PLACE_SUFFIXES: &str = include_str!("../../gazetteer/place-suffixes.tsv");
    pub const TITLES: &str = include_str!("../../gazetteer/titles.tsv");
    pub const SURNAMES: &str = include_str!("../../gazetteer/surnames.tsv");
    pub const NAME_CHARS: &str = include_str!("../../gazetteer/name-chars.tsv");
    pub const CHECKPOINTS: &str = include_str!("../../gazetteer/checkpoints.tsv");
    pub const VERBS: &str = include_str!("../../gazetteer/verbs.tsv");
    pub const MARKERS: &str = include_str!("../../gazetteer/markers.tsv");
    pub const WORDS: &str = include_str!("../../gazetteer/words.tsv");
}

static EMBEDDED: LazyLock<Result<Gazetteer, GazetteerError>> = LazyLock::new(Gazetteer::parse_embedded);

impl Gazetteer {
    /// The gazetteer compiled into the binary, parsed once per process.
    pub fn embedded() -> Result<&'static Gazetteer, &'static GazetteerError> {
        EMBEDDED.as_ref()
    }

    fn parse_embedded() -> Result<Self, GazetteerError> {
        use files::*;
        let mut divisions = Divisions::parse(DIVISIONS)?;
        let mut countries = tables::parse_countries(COUNTRIES)?;
        for row in rows("country-aliases.tsv", COUNTRY_ALIASES) {
            let (line, f) = row?;
            let aliases = list(f[1]);
            if let Some(c) = countries.iter_mut().find(|c| c.code.as_deref() == Some(f[0])) {
                c.aliases.extend(aliases);
            } else if let Some(d) = divisions.by_code(f[0]) {
                for a in aliases {
                    divisions.add_short(d, a);
                }
            } else {
                return Err(GazetteerError {
                    file: "country-aliases.tsv".into(),
                    line,
                    reason: format!("unknown code `{}`", f[0]),
                });
            }
        }
        let org_units = tables::parse_org_units(ORG_UNITS)?;
        let words = Words::parse(WORDS)?;
        let mut titles = tables::parse_titles(TITLES)?;
        let deputy: Vec<&str> = words.iter(WordList::TitleDeputyPrefix).collect();
        tables::derive_deputy_titles(&mut titles, &deputy);
        tables::mark_named_bodies(&mut titles, &org_units);
        Ok(Self {
            divisions,
            villages: Villages::new(VILLAGES),
            countries,
            places: tables::parse_places(PLACES)?,
            organisations: tables::parse_organisations(ORGANISATIONS)?,
            org_units,
            org_suffixes: tables::parse_suffixes("org-suffixes.tsv", ORG_SUFFIXES)?,
            place_suffixes: tables::parse_suffixes("place-suffixes.tsv", PLACE_SUFFIXES)?,
            titles,
            names: NameStats::parse(SURNAMES, NAME_CHARS)?,
            checkpoint_words: tables::parse_checkpoints(CHECKPOINTS)?,
            verbs: tables::parse_verbs(VERBS)?,
            markers: tables::parse_markers(MARKERS)?,
            words,
        })
    }
}

/// Rows of a TSV file with a header: comment lines (`#`) and blank lines skipped; each row is
/// checked to have the header's number of columns. Yields (line number, fields).
pub(crate) fn rows<'a>(
    file: &'a str,
    text: &'a str,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), GazetteerError>> + 'a {
    let mut header: Option<usize> = None;
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        match header {
            None => {
                header = Some(fields.len());
                None
            }
            Some(n) if fields.len() != n => Some(Err(GazetteerError {
                file: file.to_owned(),
                line: line_no,
                reason: format!("expected {n} tab-separated columns, found {}", fields.len()),
            })),
            Some(_) => Some(Ok((line_no, fields))),
        }
    })
}

/// Split a `|`-separated list, dropping empty items.
pub(crate) fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
        .map(str::to_owned)
        .collect()
}

/// Parse the `class` column shared by the organisation tables.
pub(crate) fn parse_class(file: &str, line: usize, field: &str) -> Result<Class, GazetteerError> {
    Ok(match field {
        "party" => Class::Party,
        "government" => Class::Government,
        "hospital" => Class::Hospital,
        "company" => Class::Company,
        "team" => Class::Team,
        "media" => Class::Media,
        "school" => Class::School,
        "other" => Class::Other,
        "division" => Class::Division,
        "facility" | "road" | "area" => Class::Facility,
        "feature" | "named" => Class::Geographic,
        _ => {
            return Err(GazetteerError {
                file: file.to_owned(),
                line,
                reason: format!("unknown class `{field}`"),
            });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_gazetteer_parses() {
        let g = Gazetteer::embedded().expect("embedded gazetteer");
        assert!(g.divisions.items.len() > 40_000);
        assert!(g.titles.iter().any(|t| t.text == "市委书记" && t.heads));
        assert!(g.names.surname_count("王") > 100);
        assert_eq!(g.verbs.get("督导"), Some(&VerbClass::Visit));
        assert!(g.markers.is(MarkerRole::Locative, "深入"));
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let err = rows("x.tsv", "# c\na\tb\n1\t2\n3\n")
            .collect::<Result<Vec<_>, _>>()
            .expect_err("short row");
        assert_eq!(
            err.to_string(),
            "gazetteer/x.tsv:4: expected 2 tab-separated columns, found 1"
        );
    }
}
