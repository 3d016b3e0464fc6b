//! Identity: the key of every entity, built from what identifies the thing — never from a counter —
//! so that two machines building different shards of a corpus give one thing one key, and graphs
//! merge by plain union. Every key of the code is built here; IRIs are the keys under the base
//! (`rdf::mapping`).
//!
//! | entity | key |
//! |---|---|
//! | administrative division | `place/{code}` (`place/4106`) |
//! | country | `place/iso/{ISO 3166 code}` |
//! | world place (city, river, region of `places.tsv`) | `place/world/{name}` |
//! | place no table holds | `{key of the place it lies in}/{name}`, or `place/{name}` |
//! | organisation | `org/{canonical name}` |
//! | a group only one article names (调研组) | `org/doc/{document}/{name}` |
//! | checkpoint | `checkpoint/{key of the place it is at, or of the home area}/{name}` |
//! | person | `person/{home city or province code, or doc/{document}}/{name}` |

/// Prefix of every country's key.
const COUNTRY: &str = "place/iso/";

/// An administrative division, by its statistical code.
pub fn division(code: &str) -> String {
    format!("place/{code}")
}

/// A country, by its ISO code (or its name where it has none).
pub fn country(code_or_name: &str) -> String {
    format!("{COUNTRY}{code_or_name}")
}

/// Whether a key is a country's.
pub fn is_country(key: &str) -> bool {
    key.starts_with(COUNTRY)
}

/// A place of the world-places table, by name.
pub fn world_place(name: &str) -> String {
    format!("place/world/{name}")
}

/// A place no table holds, under the key of the place it lies in (or of the home area).
pub fn place_under(parent: Option<&str>, name: &str) -> String {
    format!("{}/{name}", parent.unwrap_or("place"))
}

/// An organisation, by its canonical name.
pub fn organisation(canonical: &str) -> String {
    format!("org/{canonical}")
}

/// A group that exists only in one article (调研组, 督查组 led by someone of it): under the
/// document.
pub fn ad_hoc_group(document: &str, name: &str) -> String {
    format!("org/doc/{document}/{name}")
}

/// A checkpoint, under the key of the place it is at (or of the home area).
pub fn checkpoint(scope: Option<&str>, name: &str) -> String {
    format!("checkpoint/{}/{name}", scope.unwrap_or("place"))
}

/// The scope people are told apart in: the code of the home city (or province), or the document
/// when the article gives no home.
pub fn person_scope(home_code: Option<&str>, document: &str) -> String {
    match home_code {
        Some(code) => code.to_owned(),
        None => format!("doc/{document}"),
    }
}

/// A person, by name within a scope ([`person_scope`]).
pub fn person(scope: &str, name: &str) -> String {
    format!("person/{scope}/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_built_from_what_identifies_the_thing() {
        assert_eq!(division("4106"), "place/4106");
        assert!(is_country(&country("CN")));
        assert!(!is_country(&division("41")));
        assert_eq!(place_under(Some("place/410622"), "张庄村"), "place/410622/张庄村");
        assert_eq!(place_under(None, "大亚湾"), "place/大亚湾");
        assert_eq!(checkpoint(None, "滑浚交界卡点"), "checkpoint/place/滑浚交界卡点");
        assert_eq!(
            person(&person_scope(Some("4106"), "a.txt"), "马富国"),
            "person/4106/马富国"
        );
        assert_eq!(
            person(&person_scope(None, "a.txt"), "马富国"),
            "person/doc/a.txt/马富国"
        );
    }
}
