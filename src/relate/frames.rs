//! Verb frames: who inspected or visited what (督导, 检查, 慰问, 调研 … at a place, checkpoint or
//! organisation; the people who went along, 一同督导, too), who served where (值守, 执勤, 坚守,
//! 吃住在), who gave what to whom (向 X 捐赠 200万元), who belongs to what (由…组成的, 成立了), and
//! the tours of 从A到B…都留下了…的足迹.

use super::{Item, Relating};
use crate::gazetteer::{MarkerRole, VerbClass as FrameKind};
use crate::model::{Class, EntityKind, RelationKind};
use crate::segment::SentenceContext;

/// Whether a word that opens the place of service (到浚县, 在卡点, 深入…: `markers.tsv` locative
/// and scene) starts at `i`.
fn locative(sc: &SentenceContext<'_>, i: usize) -> bool {
    let m = &sc.g.markers;
    m.at(MarkerRole::Locative, sc.text, i, sc.span.end).is_some()
        || m.at(MarkerRole::Scene, sc.text, i, sc.span.end).is_some()
}

/// Whether `word` is nothing, or a word of position after a place (卡点上, 村口前).
fn position(sc: &SentenceContext<'_>, word: &str) -> bool {
    word.is_empty() || sc.g.markers.is(MarkerRole::Position, word)
}

fn clause_bounds(sc: &SentenceContext<'_>, at: usize) -> (usize, usize) {
    let stop = |c: char| matches!(c, ',' | ';' | '。' | '!' | '?' | ':');
    let start = (sc.span.start..at)
        .rev()
        .find(|&i| stop(sc.ch(i)))
        .map_or(sc.span.start, |i| i + 1);
    let end = (at..sc.span.end).find(|&i| stop(sc.ch(i))).unwrap_or(sc.span.end);
    (start, end)
}

pub fn frames(r: &mut Relating<'_>) {
    for s in 0..r.ctx.len() {
        let sc = &r.ctx[s];
        let mut verbs = Vec::new();
        for i in sc.span.start..sc.span.end {
            if let Some((n, k)) = sc.lex.verb_at(sc.text, i, sc.span.end) {
                // a frame verb starts a word (检查 in 检查站 is no visit), or follows a name the
                // segmenter glued it to (淇滨区捐赠 read as 淇滨/区捐赠)
                let after_name = r.items[s].iter().any(|x| x.span.end == i);
                let aligned =
                    (sc.boundary(i) || after_name) && (sc.boundary(i + n) || k == FrameKind::Serve || after_name);
                let in_name = r.items[s].iter().any(|x| x.span.start < i + n && i < x.span.end);
                if aligned && !in_name {
                    verbs.push((i, i + n, k));
                }
            }
        }
        for &(vs, ve, kind) in &verbs {
            match kind {
                FrameKind::Visit if sc.at(vs, "足迹") => footprints(r, s, vs),
                FrameKind::Visit => {}
                FrameKind::Serve => stationed(r, s, vs, ve, &verbs),
                FrameKind::Give => donated(r, s, vs, ve),
                FrameKind::Speech | FrameKind::Lead | FrameKind::Accompany => {}
            }
        }
        composed_of(r, s);
        founded(r, s);
        scene(r, s);
    }
}

/// 京港澳高速公路鹤壁北收费站卡点上,由…组成的联防联控执勤队分工有序: a checkpoint set as the scene
/// of a sentence — a clause of its own, `[在]卡点[上]` — stations the team the sentence goes on to
/// tell of.
fn scene(r: &mut Relating<'_>, s: usize) {
    let sc = &r.ctx[s];
    let Some(chk) = r.items[s].iter().find(|x| x.kind == EntityKind::Checkpoint).cloned() else {
        return;
    };
    let (cs, ce) = clause_bounds(sc, chk.span.start);
    let before = sc.slice(&(cs..chk.span.start));
    let after = sc.slice(&(chk.span.end..ce));
    let m = &sc.g.markers;
    let alone = (before.is_empty() || m.is(MarkerRole::Locative, &before) || m.is(MarkerRole::Scene, &before))
        && position(sc, &after);
    if !alone || ce >= sc.span.end || sc.ch(ce) != ',' {
        return;
    }
    let team = r.items[s]
        .iter()
        .find(|x| x.span.start > ce && x.kind == EntityKind::Organisation && r.entities[x.entity].class == Class::Team);
    if let Some(team) = team.map(|t| t.entity) {
        let known = r
            .relations
            .iter()
            .any(|x| x.kind == RelationKind::StationedAt && x.subject == team && x.object == chk.entity);
        if !known {
            r.add(team, RelationKind::StationedAt, chk.entity, s);
        }
    }
}

/// Whether `from..to` holds nothing but places (and words of position: 卡点上, 村里), or ends
/// with a checkpoint (在107国道淇县北阳镇路段卡点).
fn places_only(r: &Relating<'_>, s: usize, from: usize, to: usize) -> bool {
    let sc = &r.ctx[s];
    let checkpoint_last = r.items[s]
        .iter()
        .rfind(|x| x.span.start >= from && x.span.end <= to)
        .is_some_and(|x| x.kind == EntityKind::Checkpoint && position(sc, &sc.slice(&(x.span.end..to))));
    if checkpoint_last {
        return true;
    }
    let mut pos = from;
    for x in r.items[s].iter().filter(|x| x.span.start >= from && x.span.end <= to) {
        if x.span.start != pos || !matches!(x.kind, EntityKind::Place | EntityKind::Checkpoint) {
            return false;
        }
        pos = x.span.end;
    }
    pos > from && position(sc, &sc.slice(&(pos..to)))
}

/// The clause before the one starting at `cs` when it only sets the scene — `在` and places,
/// 在浚县善堂镇, or ending in a checkpoint, 在107国道…路段卡点 — as its range from `在`.
fn scene_clause(r: &Relating<'_>, s: usize, cs: usize) -> Option<(usize, usize)> {
    let sc = &r.ctx[s];
    if cs <= sc.span.start + 1 || sc.ch(cs - 1) != ',' {
        return None;
    }
    let (pcs, _) = clause_bounds(sc, cs - 1);
    (sc.at(pcs, "在") && places_only(r, s, pcs + 1, cs - 1)).then_some((pcs, cs - 1))
}

fn places_between(r: &Relating<'_>, s: usize, from: usize, to: usize) -> Vec<Item> {
    r.items[s]
        .iter()
        .filter(|x| x.span.start >= from && x.span.end <= to)
        .filter(|x| {
            matches!(
                x.kind,
                EntityKind::Place | EntityKind::Checkpoint | EntityKind::Organisation
            )
        })
        .cloned()
        .collect()
}

/// People (or a team) acting in a clause: those before position `at`, nearest first, with the
/// names listed with them (陈洋任、张文明); else the last person of the sentences before.
fn actors(r: &Relating<'_>, s: usize, at: usize, teams: bool) -> Vec<usize> {
    let sc = &r.ctx[s];
    let ok = |x: &Item| x.kind == EntityKind::Person || (teams && x.kind == EntityKind::Organisation);
    let before: Vec<&Item> = r.items[s].iter().filter(|x| x.span.end <= at).collect();
    let Some(last) = before.iter().rposition(|x| ok(x)) else {
        // the actor carried through a dated item (1月29日,张卫东到…督导): earlier sentence of the
        // same item, not a byline's journalist
        return (s.saturating_sub(2)..s)
            .rev()
            .filter(|&k| sc.kind == r.ctx[k].kind || r.ctx[k].kind == crate::model::SentenceKind::Body)
            .filter(|&k| r.ctx[k].item == sc.item && r.ctx[k].kind != crate::model::SentenceKind::Byline)
            .find_map(|k| {
                r.items[k]
                    .iter()
                    .rev()
                    .find(|x| x.kind == EntityKind::Person)
                    .map(|x| vec![x.entity])
            })
            .unwrap_or_default();
    };
    let mut out = vec![before[last].entity];
    let mut pos = before[last].span.start;
    for x in before[..last].iter().rev() {
        let gap = sc.slice(&(x.span.end..pos));
        // 张金山和村委会主任李保国: the joint may carry the next one's title
        let titled = gap.chars().count() <= 10
            && gap.starts_with(['、', '和', '与'])
            && sc.titles.iter().any(|t| t.end == pos)
            && gap.chars().all(|c| crate::input::is_han(c) || c == '、');
        if x.kind == before[last].kind && (gap == "、" || gap == "和" || gap == "与" || titled) {
            out.push(x.entity);
            pos = x.span.start;
        } else {
            break;
        }
    }
    out
}

/// 从鹤山区西部山区到浚县东部平原…都留下了市委书记、市长的足迹: the places of the sentence were
/// visited by the people (or the holders of the titles) whose 足迹 they are.
fn footprints(r: &mut Relating<'_>, s: usize, vs: usize) {
    let sc = &r.ctx[s];
    let places: Vec<usize> = r.items[s]
        .iter()
        .filter(|x| {
            matches!(x.kind, EntityKind::Place | EntityKind::Checkpoint)
                && x.form != crate::model::MentionForm::Pronoun
                && x.span.end <= vs
        })
        .map(|x| x.entity)
        .collect();
    // whose: the people and titles in the clause before 的足迹
    let (cs, _) = clause_bounds(sc, vs);
    let mut people: Vec<usize> = r.items[s]
        .iter()
        .filter(|x| x.kind == EntityKind::Person && x.span.start >= cs && x.span.end <= vs)
        .map(|x| x.entity)
        .collect();
    let titles: Vec<String> = sc
        .titles
        .iter()
        .filter(|t| t.start >= cs && t.end <= vs)
        .map(|t| sc.slice(&(t.start..t.end)))
        .collect();
    for t in titles {
        if let Some(p) = r
            .relations
            .iter()
            .find(|x| x.kind == RelationKind::Post && x.title.as_deref() == Some(t.as_str()))
            .map(|x| x.subject)
        {
            people.push(p);
        }
    }
    people.sort_unstable();
    people.dedup();
    for p in people {
        for &o in &places {
            r.add(p, RelationKind::Inspected, o, s);
        }
    }
}

/// `verbs`: the frame verbs of the sentence (start, end, kind).
fn stationed(r: &mut Relating<'_>, s: usize, vs: usize, ve: usize, verbs: &[(usize, usize, FrameKind)]) {
    let sc = &r.ctx[s];
    let (cs, ce) = clause_bounds(sc, vs);
    // 看望慰问执勤民警, 值守人员: the verb says who the people after it are, not what the actor did
    let modifier = sc.g.markers.at(MarkerRole::Server, sc.text, ve, sc.span.end).is_some()
        || sc.titles.iter().any(|t| t.start == ve);
    // 察看了值守情况, 检查执勤工作: the service is what an inspection looked at, not what the
    // inspector did
    let inspected_object = verbs
        .iter()
        .any(|&(i, e, k)| k == FrameKind::Visit && cs <= i && e <= vs);
    if modifier || inspected_object {
        return;
    }
    // where: a checkpoint or place after a locative word before the verb, or after the verb (坚守在…卡点)
    let before: Vec<Item> = (cs..vs)
        .find(|&i| locative(sc, i))
        .map(|l| places_between(r, s, l, vs))
        .unwrap_or_default();
    let after: Vec<Item> = places_between(r, s, ve, ce);
    let mut objects: Vec<Item> = if !before.is_empty() {
        before
    } else if !after.is_empty() {
        after
    } else {
        // 在钜桥镇岗坡村村口卡点,赵卫东正在值守: a clause of its own before sets the scene
        scene_clause(r, s, cs).map_or_else(Vec::new, |(a, b)| places_between(r, s, a, b))
    };
    // a named checkpoint wins over the place it is at
    if objects.iter().any(|x| x.kind == EntityKind::Checkpoint) {
        objects.retain(|x| x.kind == EntityKind::Checkpoint);
    }
    objects.retain(|x| x.kind != EntityKind::Organisation);
    let Some(o) = objects.last().cloned() else { return };
    // 坚守在…古烟村疫情防控一线的卡点工作人员: a relative clause says it of what follows, not of
    // what stands before
    if sc.slice(&(o.span.end..ce)).contains('的') && o.span.start > vs {
        return;
    }
    let start = objects.first().map_or(vs, |x| x.span.start);
    // the actors stand before the place, or — when the place set the scene in a clause before —
    // before the verb
    let locative = if start < cs {
        vs
    } else {
        (cs..start).rev().find(|&i| locative(sc, i)).unwrap_or(start)
    };
    for a in actors(r, s, locative.min(vs), true) {
        if a != o.entity {
            r.add(a, RelationKind::StationedAt, o.entity, s);
        }
    }
}

fn donated(r: &mut Relating<'_>, s: usize, vs: usize, ve: usize) {
    let sc = &r.ctx[s];
    let (cs, ce) = clause_bounds(sc, vs);
    // 向/为 X 捐赠 (通过 X 捐款: through the Red Cross, which receives it): X must stand right
    // before the verb
    let marker = |x: &Item| {
        matches!(sc.ch(x.span.start - 1), '向' | '为' | '给')
            || (x.span.start >= cs + 2 && sc.ends_with_at(x.span.start, "通过"))
    };
    let recipient = r.items[s].iter().find(|x| {
        x.span.end == vs
            && x.span.start > cs
            && marker(x)
            && matches!(
                x.kind,
                EntityKind::Place | EntityKind::Organisation | EntityKind::Person
            )
    });
    // 捐赠…, 支援 X
    let recipient = recipient.cloned().or_else(|| {
        (ce..sc.span.end.saturating_sub(2))
            .find(|&i| sc.at(i, "支援") || sc.at(i, "捐给"))
            .and_then(|i| r.items[s].iter().find(|x| x.span.start == i + 2).cloned())
    });
    let Some(recipient) = recipient else { return };
    let donor_end = if sc.ch(recipient.span.start - 1) == '向' || sc.ch(recipient.span.start - 1) == '为' {
        recipient.span.start - 1
    } else if sc.ends_with_at(recipient.span.start, "通过") {
        recipient.span.start - 2
    } else {
        vs
    };
    let donors = actors(r, s, donor_end, true);
    let Some(&donor) = donors.first() else { return };
    // the amount: what follows the verb up to the clause end
    let amount = sc.slice(&(ve..ce)).trim_start_matches(['了', ':']).to_owned();
    if donor != recipient.entity {
        let rel = r.add(donor, RelationKind::DonatedTo, recipient.entity, s);
        if !amount.is_empty() {
            rel.amount = Some(amount);
        }
    }
}

/// 由市财政局、市卫健委、市住建局等部门组成的物资保障组: the listed are members of what follows.
fn composed_of(r: &mut Relating<'_>, s: usize) {
    let sc = &r.ctx[s];
    let mut found = Vec::new();
    for i in sc.span.start..sc.span.end.saturating_sub(3) {
        if !sc.at(i, "组成的") {
            continue;
        }
        let Some(you) = (sc.span.start..i).rev().find(|&k| sc.ch(k) == '由') else {
            continue;
        };
        let Some(whole) = r.items[s]
            .iter()
            .find(|x| x.span.start == i + 3 && x.kind == EntityKind::Organisation)
        else {
            continue;
        };
        for m in r.items[s]
            .iter()
            .filter(|x| x.span.start > you && x.span.end <= i && x.kind == EntityKind::Organisation)
        {
            found.push((m.entity, whole.entity));
        }
    }
    for (m, w) in found {
        r.add(m, RelationKind::MemberOf, w, s);
    }
}

/// 该所成立了抗疫突击队联合党支部: what an organisation sets up is its sub-unit.
fn founded(r: &mut Relating<'_>, s: usize) {
    let sc = &r.ctx[s];
    let mut found = Vec::new();
    for (k, x) in r.items[s].iter().enumerate() {
        if x.kind != EntityKind::Organisation {
            continue;
        }
        let rest = sc.after(x.span.end, 3);
        let skip = if rest.starts_with("成立了") {
            3
        } else if rest.starts_with("成立") {
            2
        } else {
            continue;
        };
        if let Some(y) = r.items[s]
            .get(k + 1)
            .filter(|y| y.span.start == x.span.end + skip && y.kind == EntityKind::Organisation)
        {
            found.push((y.entity, x.entity));
        }
    }
    for (y, x) in found {
        r.add(y, RelationKind::SubOrganizationOf, x, s);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::RelationKind;
    use crate::testing::{extract, relations};

    #[test]
    fn an_inspection_verb_ties_the_person_to_the_place() {
        let x = extract("鹤壁市召开会议\n市委书记马富国到淇滨区督导疫情防控工作。");
        assert_eq!(relations(&x, RelationKind::Inspected), vec!["马富国 淇滨区"]);
    }

    #[test]
    fn a_tour_listed_before_a_comma_is_inspected_by_the_actor_and_those_along() {
        let x = extract(
            "浚县召开会议\n2月3日,县委书记刘红军先后到卫贤镇东马庄村卡点、善堂镇与滑县交界处,督导检查疫情防控工作。县长杨晓东一同督导。",
        );
        let mut got = relations(&x, RelationKind::Inspected);
        got.sort();
        assert_eq!(
            got,
            vec![
                "刘红军 东马庄村卡点",
                "刘红军 善堂镇与滑县交界处",
                "杨晓东 东马庄村卡点",
                "杨晓东 善堂镇与滑县交界处",
            ]
        );
        // a comma does not carry a place into an unrelated clause that has its own subject
        let x = extract("浚县召开会议\n县委书记刘红军到善堂镇调研,副县长王建设检查了账目。");
        assert_eq!(relations(&x, RelationKind::Inspected), vec!["刘红军 善堂镇"]);
    }

    #[test]
    fn a_donation_names_donor_recipient_and_amount() {
        let x = extract("鹤壁市召开会议\n河南耕德电子有限公司向鹤壁市人民医院捐赠口罩1万个。");
        assert_eq!(
            relations(&x, RelationKind::DonatedTo),
            vec!["河南耕德电子有限公司 鹤壁市人民医院"]
        );
        let amount = x
            .relations
            .iter()
            .find(|r| r.kind == RelationKind::DonatedTo)
            .and_then(|r| r.amount.clone());
        assert_eq!(amount.as_deref(), Some("口罩1万个"));
    }

    #[test]
    fn a_checkpoint_setting_the_scene_stations_the_team_of_the_sentence() {
        let x = extract("鹤壁市召开会议\n2月2日上午,鹤壁东站卡点上,由交通、公安等部门组成的联防联控工作队分工有序。");
        let stationed = relations(&x, RelationKind::StationedAt);
        assert!(
            stationed
                .iter()
                .any(|r| r.starts_with("联防联控工作队") && r.ends_with("卡点")),
            "{stationed:?}"
        );
        // not when the checkpoint is only part of a longer clause
        let x = extract("鹤壁市召开会议\n鹤壁东站卡点车辆很多,联防联控工作队分工有序。");
        assert_eq!(relations(&x, RelationKind::StationedAt), Vec::<String>::new());
    }

    #[test]
    fn standing_guard_at_a_checkpoint_stations_the_team() {
        let x = extract("鹤壁市召开会议\n鹤壁市人民医院医疗队在西马庄村村口卡点值守。");
        let stationed = relations(&x, RelationKind::StationedAt);
        assert!(
            stationed.iter().any(|r| r.ends_with("西马庄村村口卡点")),
            "{stationed:?}"
        );
    }

    #[test]
    fn a_service_verb_describing_people_stations_nobody() {
        let x = extract("鹤壁市召开会议\n市长郭浩到鹤壁东站卡点看望慰问执勤民警。");
        assert_eq!(relations(&x, RelationKind::StationedAt), Vec::<String>::new());
        assert_eq!(relations(&x, RelationKind::Inspected), vec!["郭浩 鹤壁东站卡点"]);
    }

    #[test]
    fn a_gift_through_an_organisation_goes_to_it() {
        let x = extract("鹤壁市召开会议\n鹤壁天海电子信息系统有限公司通过市红十字会捐款100万元。");
        assert_eq!(
            relations(&x, RelationKind::DonatedTo),
            vec!["鹤壁天海电子信息系统有限公司 鹤壁市红十字会"]
        );
    }

    #[test]
    fn the_most_specific_place_of_a_visit_stands_for_it() {
        let x = extract("淇滨区召开会议\n区委书记李刚到大河涧乡弓家庄村、上峪乡桑园村等地实地查看。");
        let mut got = relations(&x, RelationKind::Inspected);
        got.sort();
        assert_eq!(got, vec!["李刚 弓家庄村", "李刚 桑园村"]);
    }

    #[test]
    fn here_after_a_locative_stands_for_the_places_the_sentences_before_describe() {
        // (text, the places visited): each sentence before begins with a place and names nobody
        let table: [(&str, &[&str]); 2] = [
            (
                "县长李明到宜城市检查防汛工作。石门大闸建于上世纪七十年代。李明来到这里查看闸门运行。",
                &["李明 宜城市", "李明 石门大闸"],
            ),
            (
                "书记赵刚到安远县调研。黄湾泵站是当地最大的泵站。新华泵站于去年建成。赵刚一行先后来到这里,察看排涝设备。",
                &["赵刚 安远县", "赵刚 新华泵站", "赵刚 黄湾泵站"],
            ),
        ];
        for (text, visited) in table {
            let mut got = relations(&extract(text), RelationKind::Inspected);
            got.sort();
            assert_eq!(got, visited.to_vec(), "{text}");
        }
        // a sentence that names people is about them, and the chain stops at one that begins
        // with no place
        for text in [
            "市长周平到永年区检查。红旗大闸由站长刘洋负责管理。周平来到这里察看。",
            "市长周平到永年区检查。红旗大闸是一座水闸。会议由副市长刘洋主持。周平来到这里察看。",
        ] {
            assert_eq!(
                relations(&extract(text), RelationKind::Inspected),
                vec!["周平 永年区"],
                "{text}"
            );
        }
    }

    #[test]
    fn a_clause_setting_the_scene_gives_the_place_of_the_visit() {
        let x = extract("鹤壁市召开会议\n在浚县善堂镇,市委书记马富国察看了卡点设置情况。");
        assert_eq!(relations(&x, RelationKind::Inspected), vec!["马富国 善堂镇"]);
        // a clause with more than places in it sets no scene
        let x = extract("鹤壁市召开会议\n在浚县召开的会议上,市委书记马富国察看了材料。");
        assert_eq!(relations(&x, RelationKind::Inspected), Vec::<String>::new());
    }

    #[test]
    fn people_joined_with_a_title_between_them_serve_together() {
        let x = extract("淇县召开会议\n石桥村党支部书记张金山和村委会主任李保国每天在石桥村村口卡点值守。");
        let mut got = relations(&x, RelationKind::StationedAt);
        got.sort();
        assert_eq!(got, vec!["张金山 石桥村村口卡点", "李保国 石桥村村口卡点"]);
    }

    #[test]
    fn a_checkpoint_setting_the_scene_stations_the_person_of_the_next_clause() {
        let x = extract(
            "淇滨区召开会议\n2月13日,在钜桥镇岗坡村村口卡点,岗坡村党支部书记赵卫东正在值守。区长孟红军先后到岗坡村村口卡点慰问赵卫东。",
        );
        assert_eq!(relations(&x, RelationKind::StationedAt), vec!["赵卫东 岗坡村村口卡点"]);
        // 到岗坡/n: the village named before is found again where the segmenter glued 到 to it
        assert_eq!(relations(&x, RelationKind::Inspected), vec!["孟红军 岗坡村村口卡点"]);
    }

    #[test]
    fn a_service_an_inspection_looks_at_stations_nobody() {
        let x = extract(
            "滑县召开会议
在滑县留固镇,县长王立新察看了卡点设置和人员值守情况。",
        );
        assert_eq!(relations(&x, RelationKind::StationedAt), Vec::<String>::new());
        assert_eq!(relations(&x, RelationKind::Inspected), vec!["王立新 留固镇"]);
    }

    #[test]
    fn a_scene_ending_in_a_checkpoint_stations_the_unit_after_it() {
        let x = extract("淇县召开会议\n在107国道淇县北阳镇路段卡点,北阳镇派出所民警24小时执勤。");
        assert_eq!(
            relations(&x, RelationKind::StationedAt),
            vec!["北阳镇派出所 北阳镇路段卡点"]
        );
    }
}
