//! Checkpoints (卡点, 检查站, 监测站, 交界处 …) named specifically enough to tell them apart:
//! by the place they are at (鹤壁东站疫情防控卡点, 西马庄村村口卡点), by the two areas they join
//! (滑浚交界卡点), or by a village of the passage (村口卡点 after 该村). Generic ones (一线卡点,
//! 社区卡点) are no entity.

use super::{Candidate, Detail, Form, SentenceContext};
use crate::gazetteer::{Level, WordList};
use crate::input::is_han;
use crate::model::{Class, EntityKind, Span};
use crate::segment::lexicon::suffix_at;

/// Descriptive words between a place and the checkpoint word (疫情防控, 村口, 路段: `words.tsv`
/// checkpoint-descriptor).
fn descriptor(s: &SentenceContext<'_>, word: &str) -> bool {
    s.g.words.has(WordList::CheckpointDescriptor, word)
}

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let anchors: Vec<(Span, EntityKind)> = out
        .iter()
        .filter(|c| matches!(c.kind, EntityKind::Place | EntityKind::Organisation) && c.form != Form::Nominal)
        .map(|c| (c.span.clone(), c.kind))
        .collect();
    let mut e = s.span.start + 1;
    while e <= s.span.end {
        let Some(wi) = suffix_at(&s.lex.checkpoint_words, s.text, e) else {
            e += 1;
            continue;
        };
        let word_start = e - s.lex.checkpoint_words[wi].len();
        // 卡点 must not continue into a longer word (卡点上 is fine, 入口处 ends at 处)
        if word_start < s.span.start || !s.boundary(e) && !s.at(e, "处") {
            e += 1;
            continue;
        }
        if let Some(c) = checkpoint(s, &anchors, word_start, e) {
            out.push(c);
        }
        e += 1;
    }
}

fn checkpoint(
    s: &SentenceContext<'_>,
    anchors: &[(Span, EntityKind)],
    word_start: usize,
    end: usize,
) -> Option<Candidate> {
    let mut pos = word_start;
    let mut descriptors = 0;
    // a place that ends where a descriptor begins stops the walk (浚县高速 + 出口检测站: 高速 is
    // part of the place, not a descriptor)
    let anchored = |p: usize| anchors.iter().any(|(a, _)| a.end == p && a.end - a.start >= 2);
    // descriptors directly before the word (by words, or by characters where the segmenter
    // glued a descriptor to the name before it: 西马庄村 村口 read as 村村/口)
    while descriptors < 3 && !(descriptors > 0 && anchored(pos)) {
        // (a checkpoint word before the one that ends the name describes it: 高速出口 + 检测站)
        let checkpoint_word = |t: &crate::model::Token| {
            suffix_at(&s.lex.checkpoint_words, s.text, t.span.end)
                .is_some_and(|w| s.lex.checkpoint_words[w].len() == t.span.len())
        };
        if let Some(t) = s
            .token_ending(pos)
            .filter(|t| descriptor(s, &s.slice(&t.span)) || checkpoint_word(t))
        {
            pos = t.span.start;
            descriptors += 1;
            continue;
        }
        match s.g.words.iter(WordList::Gate).find(|d| s.ends_with_at(pos, d)) {
            Some(d) => {
                pos -= d.chars().count();
                descriptors += 1;
            }
            None => break,
        }
    }
    // a generic word before it makes a generic checkpoint
    let generic_before = s
        .lex
        .checkpoint_generic
        .iter()
        .any(|g| pos >= s.span.start + g.len() && s.text[pos - g.len()..pos] == g[..] && s.boundary(pos - g.len()));
    let anchor = anchors
        .iter()
        .filter(|(a, _)| a.end == pos)
        .max_by_key(|(a, _)| a.end - a.start);
    // the generic word may be the end of the place itself (西马庄村 + 村口卡点)
    let generic_before = generic_before && anchor.is_none();
    if let (Some((a, _)), false) = (anchor, generic_before) {
        // stacked places (京港澳高速公路鹤壁北收费站) belong to the name
        let mut start = a.start;
        let mut between = false;
        // the two areas a boundary joins (善堂镇与滑县交界处)
        let boundary = s.slice(&(word_start..end)).contains("交界") || s.slice(&(pos..word_start)).contains("交界");
        loop {
            if let Some((q, _)) = anchors.iter().find(|(q, _)| q.end == start) {
                start = q.start;
                continue;
            }
            let joined = start > s.span.start && matches!(s.ch(start - 1), '与' | '和');
            match anchors.iter().find(|(q, _)| boundary && joined && q.end + 1 == start) {
                Some((q, _)) => {
                    start = q.start;
                    between = true;
                }
                None => break,
            }
        }
        return Some(
            Candidate::new(
                start..end,
                s.index,
                EntityKind::Checkpoint,
                Class::Facility,
                // between two areas it is at neither: its name is the whole phrase
                Detail::Checkpoint {
                    at: (!between).then(|| a.clone()),
                    needs_place: false,
                },
            )
            .with_score(3.0),
        );
    }
    // 滑浚交界卡点: two one-character area abbreviations
    if s.at(pos, "交界") || s.ends_with_at(word_start, "交界") || s.at(word_start, "交界") {
        let p = if s.at(pos, "交界") { pos } else { word_start.min(pos) };
        let p = if s.ends_with_at(p, "交界") { p - 2 } else { p };
        if p >= s.span.start + 2 && abbreviations(s, p - 2, p) {
            return Some(
                Candidate::new(
                    p - 2..end,
                    s.index,
                    EntityKind::Checkpoint,
                    Class::Facility,
                    Detail::Checkpoint {
                        at: None,
                        needs_place: false,
                    },
                )
                .with_score(3.0),
            );
        }
    }
    // 村口卡点 / 路口卡点 without a place: the village of the passage
    if !generic_before && descriptors > 0 && s.g.words.iter(WordList::Gate).any(|d| s.at(pos, d)) {
        return Some(
            Candidate::new(
                pos..end,
                s.index,
                EntityKind::Checkpoint,
                Class::Facility,
                Detail::Checkpoint {
                    at: None,
                    needs_place: true,
                },
            )
            .with_form(Form::Nominal)
            .with_score(1.5),
        );
    }
    None
}

/// Two characters that each begin the name of a county-level area (滑 for 滑县, 浚 for 浚县).
fn abbreviations(s: &SentenceContext<'_>, start: usize, end: usize) -> bool {
    (start..end).all(|i| {
        let c = s.ch(i);
        is_han(c)
            && s.g
                .divisions
                .items
                .iter()
                .any(|d| d.level == Level::County && d.name.chars().count() == 2 && d.name.starts_with(c))
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::recognized;

    fn checkpoints(text: &str) -> Vec<String> {
        recognized(text).into_iter().filter(|m| m.starts_with("CHK")).collect()
    }

    #[test]
    fn a_checkpoint_named_after_its_village_is_found() {
        assert_eq!(
            checkpoints("他在西马庄村村口卡点值守。"),
            vec!["CHK Name 西马庄村村口卡点"]
        );
    }

    #[test]
    fn a_checkpoint_between_two_counties_is_found() {
        assert_eq!(checkpoints("滑浚交界卡点车辆排起长队。"), vec!["CHK Name 滑浚交界卡点"]);
    }

    #[test]
    fn generic_checkpoints_are_no_entity() {
        assert_eq!(checkpoints("党员干部坚守在一线卡点。"), Vec::<String>::new());
    }

    #[test]
    fn a_boundary_between_two_named_areas_is_one_checkpoint() {
        assert_eq!(
            checkpoints("他到善堂镇与滑县交界处督导。"),
            vec!["CHK Name 善堂镇与滑县交界处"]
        );
    }

    #[test]
    fn a_place_before_a_descriptor_names_the_checkpoint() {
        assert_eq!(
            checkpoints("他到浚县高速出口检测站督导。"),
            vec!["CHK Name 浚县高速出口检测站"]
        );
    }

    #[test]
    fn a_road_section_names_a_checkpoint_by_its_place() {
        assert_eq!(
            checkpoints("在淇县北阳镇路段卡点,民警24小时执勤。"),
            vec!["CHK Name 淇县北阳镇路段卡点"]
        );
    }
}
