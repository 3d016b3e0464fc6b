//! Pronoun-like references: 我市/本市/该市, 该县/该区, 该村, 该局/该公司/该所 …, 本报. They are
//! resolved to the entity they stand for in the Resolve stage.

use super::{Antecedent, Candidate, Detail, Form, SentenceContext};
use crate::gazetteer::Level;
use crate::model::{Class, EntityKind};

/// (determiner, word, what it refers to)
fn referent(word: &str) -> Option<(EntityKind, Antecedent)> {
    let area = |l| Some((EntityKind::Place, Antecedent::Area(l)));
    let org = |w: &str| Some((EntityKind::Organisation, Antecedent::Suffix(w.to_owned())));
    match word {
        "我市" | "本市" | "该市" => area(Level::Prefecture),
        "我县" | "本县" | "该县" | "我区" | "本区" | "该区" => area(Level::County),
        "我省" | "本省" | "该省" => area(Level::Province),
        "该镇" | "本镇" | "该乡" | "本乡" | "该街道" => area(Level::Township),
        "该村" | "本村" | "该社区" => area(Level::Village),
        "本报" => Some((EntityKind::Organisation, Antecedent::Newspaper)),
        _ => {
            let rest = word.strip_prefix('该')?;
            if matches!(
                rest,
                "局" | "委"
                    | "院"
                    | "所"
                    | "公司"
                    | "队"
                    | "中心"
                    | "站"
                    | "集团"
                    | "厂"
                    | "校"
                    | "行"
                    | "社"
                    | "馆"
                    | "部"
                    | "办"
                    | "会"
                    | "组"
            ) {
                org(rest)
            } else {
                None
            }
        }
    }
}

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    for i in s.span.start..s.span.end {
        let c = s.ch(i);
        if !matches!(c, '我' | '本' | '该') {
            continue;
        }
        for len in (2..=4).rev() {
            if i + len > s.span.end {
                continue;
            }
            let word = s.slice(&(i..i + len));
            let Some((kind, antecedent)) = referent(&word) else {
                continue;
            };
            // 该局 in 该局长? the word must end at a token boundary or before a non-name char
            // (but 本报 before 讯 or a journalist's title: 本报讯, 本报记者)
            let paper = word == "本报" && (s.ch(i + len) == '讯' || s.titles.iter().any(|t| t.start == i + len));
            if !paper
                && !s.boundary(i + len)
                && len == 2
                && s.token_at(i + len - 1).is_some_and(|t| t.span.end > i + len)
            {
                continue;
            }
            let class = if kind == EntityKind::Place {
                Class::Division
            } else {
                Class::Other
            };
            out.push(
                Candidate::new(i..i + len, s.index, kind, class, Detail::Pronoun(antecedent))
                    .with_form(Form::Pronoun)
                    .with_score(1.5),
            );
            break;
        }
    }
}
