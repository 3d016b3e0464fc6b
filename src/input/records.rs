//! Records of crawler output: JSON Lines (`.jsonl`, `.ndjson`), a JSON array (`.json`), CSV and TSV
//! with a header. Each record is an article: its text and, where the record has them, its id,
//! title, date, url, source and author, found under their common field names or the names a user
//! gives (`--field text=正文`). A record that cannot be read is reported with its line (or its
//! place in the array) and the others are read.

use super::{Meta, RawText, decode, hex};
use crate::error::InputError;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The field names of a record, per meaning: the user's first, then the common spellings.
#[derive(Debug, Clone)]
pub struct Fields {
    pub text: Vec<String>,
    pub id: Vec<String>,
    pub title: Vec<String>,
    pub date: Vec<String>,
    pub url: Vec<String>,
    pub source: Vec<String>,
    pub author: Vec<String>,
}

fn names(list: &str) -> Vec<String> {
    list.split_whitespace().map(str::to_owned).collect()
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            text: names("text content body article contents main_text 正文 内容"),
            id: names("id _id guid uuid doc_id article_id docid 编号"),
            title: names("title headline name 标题"),
            date: names(
                "date published pubdate pub_date publish_date publish_time published_at time datetime 发布时间 日期 时间",
            ),
            url: names("url link href source_url 网址 链接"),
            source: names("source site publisher media outlet 来源 媒体"),
            author: names("author authors byline writer 作者 记者"),
        }
    }
}

impl Fields {
    /// Put the user's name first for a meaning: `text=正文`, `date=发布日期`.
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let (key, name) = spec
            .split_once('=')
            .ok_or_else(|| format!("`{spec}`: expected MEANING=NAME, e.g. text=正文"))?;
        let list = match key {
            "text" => &mut self.text,
            "id" => &mut self.id,
            "title" => &mut self.title,
            "date" => &mut self.date,
            "url" => &mut self.url,
            "source" => &mut self.source,
            "author" => &mut self.author,
            other => {
                return Err(format!(
                    "`{other}`: not one of text, id, title, date, url, source, author"
                ));
            }
        };
        list.insert(0, name.to_owned());
        Ok(())
    }
}

/// One record as field name → value (strings; numbers and lists written as text).
type Record = Vec<(String, String)>;

fn value_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(value_text).collect();
            (!parts.is_empty()).then(|| parts.join("\n"))
        }
        other => Some(other.to_string()),
    }
}

fn json_record(v: &serde_json::Value) -> Option<Record> {
    let obj = v.as_object()?;
    Some(
        obj.iter()
            .filter_map(|(k, v)| value_text(v).map(|t| (k.clone(), t)))
            .collect(),
    )
}

/// The article of a record: `origin` names it in messages (`news.jsonl:12`), `fallback_id` is its
/// identity when it has no id of its own.
fn article(path: &Path, origin: &str, fallback_id: &str, rec: &Record, fields: &Fields) -> Result<RawText, InputError> {
    let get = |names: &[String]| {
        names.iter().find_map(|n| {
            rec.iter()
                .find(|(k, v)| k.eq_ignore_ascii_case(n) && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_owned())
        })
    };
    let Some(text) = get(&fields.text) else {
        return Err(InputError::Record {
            path: path.to_path_buf(),
            origin: origin.to_owned(),
            reason: format!("no text (looked for the fields {})", fields.text.join(", ")),
        });
    };
    let text = decode::clean(path, text)?;
    if !text.chars().any(super::is_han) {
        return Err(InputError::Record {
            path: path.to_path_buf(),
            origin: origin.to_owned(),
            reason: "no Chinese text (nothing to extract)".into(),
        });
    }
    let meta = Meta {
        title: get(&fields.title),
        date: get(&fields.date),
        url: get(&fields.url),
        source: get(&fields.source),
        author: get(&fields.author),
    };
    // the record's content, with what describes it, is what a rebuild compares
    let mut h = Sha256::new();
    for (k, v) in rec {
        h.update(k.as_bytes());
        h.update([0]);
        h.update(v.as_bytes());
        h.update([0]);
    }
    // (the headline, if any, opens the text as a page's does)
    let text = match &meta.title {
        Some(t) if !text.starts_with(t.as_str()) => format!("{t}\n{text}"),
        _ => text,
    };
    Ok(RawText {
        path: path.to_path_buf(),
        file_name: get(&fields.id).unwrap_or_else(|| fallback_id.to_owned()),
        sha256: hex(&h.finalize()),
        encoding: "UTF-8",
        text,
        meta,
        base: 0,
    })
}

/// The articles of a JSON Lines text: one record a line (blank lines skipped).
pub fn jsonl(path: &Path, id: &str, text: &str, fields: &Fields) -> Vec<Result<RawText, InputError>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let origin = format!("{}:{}", path.display(), i + 1);
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| InputError::Record {
                path: path.to_path_buf(),
                origin: origin.clone(),
                reason: format!("not JSON ({e})"),
            })?;
            json_article(path, &origin, &format!("{id}#{}", i + 1), &v, fields)
        })
        .collect()
}

/// The article of one JSON value, which must be an object (a record).
fn json_article(
    path: &Path,
    origin: &str,
    id: &str,
    v: &serde_json::Value,
    fields: &Fields,
) -> Result<RawText, InputError> {
    let rec = json_record(v).ok_or_else(|| InputError::Record {
        path: path.to_path_buf(),
        origin: origin.to_owned(),
        reason: "not a JSON object".into(),
    })?;
    article(path, origin, id, &rec, fields)
}

/// The articles of a JSON text: an array of records, or an object holding one (`data`,
/// `articles`, `items`, `records`), or a single record.
pub fn json(path: &Path, id: &str, text: &str, fields: &Fields) -> Vec<Result<RawText, InputError>> {
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return vec![Err(InputError::Record {
                path: path.to_path_buf(),
                origin: format!("{}:{}", path.display(), e.line()),
                reason: format!("not JSON ({e})"),
            })];
        }
    };
    let items: Vec<&serde_json::Value> = match &v {
        serde_json::Value::Array(a) => a.iter().collect(),
        serde_json::Value::Object(o) => match ["data", "articles", "items", "records", "results"]
            .iter()
            .find_map(|k| o.get(*k).and_then(|x| x.as_array()))
        {
            Some(a) => a.iter().collect(),
            None => vec![&v],
        },
        _ => Vec::new(),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let origin = format!("{} record {}", path.display(), i + 1);
            json_article(path, &origin, &format!("{id}#{}", i + 1), item, fields)
        })
        .collect()
}

/// The articles of a CSV (or, with `delimiter` b'\t', TSV) text with a header row.
pub fn delimited(
    path: &Path,
    id: &str,
    text: &str,
    delimiter: u8,
    fields: &Fields,
) -> Vec<Result<RawText, InputError>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|x| x.trim().to_owned()).collect(),
        Err(e) => {
            return vec![Err(InputError::Record {
                path: path.to_path_buf(),
                origin: format!("{}:1", path.display()),
                reason: format!("no header row ({e})"),
            })];
        }
    };
    reader
        .records()
        .enumerate()
        .map(|(i, row)| {
            let line = row
                .as_ref()
                .ok()
                .and_then(|r| r.position())
                .map_or(i + 2, |p| p.line() as usize);
            let origin = format!("{}:{line}", path.display());
            let row = row.map_err(|e| InputError::Record {
                path: path.to_path_buf(),
                origin: origin.clone(),
                reason: format!("unreadable row ({e})"),
            })?;
            let rec: Record = header
                .iter()
                .zip(row.iter())
                .map(|(k, v)| (k.clone(), v.to_owned()))
                .collect();
            article(path, &origin, &format!("{id}#{line}"), &rec, fields)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[Result<RawText, InputError>]) -> Vec<String> {
        v.iter()
            .map(|r| match r {
                Ok(a) => a.file_name.clone(),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn json_lines_give_an_article_each_and_report_a_broken_line() {
        let text = "{\"id\": \"a1\", \"title\": \"县长到镇里调研\", \"date\": \"2020-02-03\", \"text\": \"县长李明到城关镇调研。\"}\n\
                    {oops\n\
                    {\"content\": \"县委书记王刚到卡点督导。\", \"url\": \"http://x.cn/2\"}\n";
        let got = jsonl(Path::new("news.jsonl"), "news.jsonl", text, &Fields::default());
        assert_eq!(got.len(), 3);
        assert_eq!(ids(&got)[0], "a1");
        assert!(
            ids(&got)[1].starts_with("error: news.jsonl:2: not JSON"),
            "{:?}",
            ids(&got)
        );
        // no id: the file and the line
        assert_eq!(ids(&got)[2], "news.jsonl#3");
        let a = got[0].as_ref().expect("first");
        assert_eq!(a.meta.date.as_deref(), Some("2020-02-03"));
        assert!(a.text.starts_with("县长到镇里调研\n"), "{}", a.text);
    }

    #[test]
    fn a_field_name_the_user_gives_comes_first() {
        let mut f = Fields::default();
        f.set("text=正文内容").expect("valid");
        assert!(f.set("colour=红").is_err());
        let got = jsonl(
            Path::new("x.jsonl"),
            "x.jsonl",
            "{\"正文内容\": \"市长到县里调研。\"}\n",
            &f,
        );
        assert!(got[0].is_ok(), "{:?}", ids(&got));
    }

    #[test]
    fn csv_and_tsv_with_a_header() {
        let csv_text = "id,title,date,text\nb1,标题,2021-07-01,\"县长到乡里调研,看望群众。\"\nb2,无正文,2021-07-02,\n";
        let got = delimited(Path::new("n.csv"), "n.csv", csv_text, b',', &Fields::default());
        assert_eq!(ids(&got)[0], "b1");
        assert!(ids(&got)[1].starts_with("error: n.csv:3: no text"), "{:?}", ids(&got));
        let tsv_text = "标题\t正文\n题\t县委书记到村里调研。\n";
        let got = delimited(Path::new("n.tsv"), "n.tsv", tsv_text, b'\t', &Fields::default());
        assert_eq!(ids(&got), vec!["n.tsv#2"]);
    }

    #[test]
    fn a_json_array_or_an_object_holding_one() {
        let text = "{\"data\": [{\"id\": 7, \"body\": \"县长到镇里调研。\"}]}";
        let got = json(Path::new("d.json"), "d.json", text, &Fields::default());
        assert_eq!(ids(&got), vec!["7"]);
    }
}
