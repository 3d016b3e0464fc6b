//! People, without any list of names: a surname (single or compound) and one or two given-name
//! characters (or a run of transliteration characters: 克林顿, 铁木尔·达瓦买提), scored by a small
//! model over character statistics learned from the People's Daily corpus
//! (`gazetteer/surnames.tsv`, `gazetteer/name-chars.tsv`), the segmenter's reading, and the
//! contexts that mark a name — a title before it (市委书记马富国), a speech verb after it (张涛介绍),
//! a list (刘芳、陈志强、赵文博等), a byline (□本报记者 尹新婷 范鑫), a photo credit (李海摄), a line of
//! its own under a headline. The model has two stages (`scripts/train-person-model.py`): logistic
//! weights (`gazetteer/person-model.tsv`) rule out 94 candidates in 100; boosted trees
//! (`gazetteer/person-trees.tsv`) score the rest, seeing how the features combine. Candidates also
//! know how often the article repeats them. A word right after a title is a candidate whatever its
//! shape (首相桥本龙太郎). A name found with confidence is then found again wherever it recurs in
//! the article, and so are its short forms (恩来 of 周恩来, 库克 of 罗宾·库克, 桥本 of 桥本龙太郎,
//! 江 of 江主席, 老许 of 许强), as mentions of the same person.
//!
//! Jobs, one module each: [`features`] (what a candidate looks like), [`model`] (the two stages and
//! their files), `candidates` (the candidates of a sentence and the rules that rule them in or
//! out), `address` (老张, 王先生, 江主席), `lists` (lists of names). Finding a name again where it
//! recurs is the Resolve stage's (`resolve::propagate`).

mod address;
mod candidates;
pub mod features;
mod lists;
pub mod model;
mod trees;

pub use candidates::{candidates, document_spans, spans};
pub use features::{FEATURES, Features};
pub use lists::list_members;
pub use model::PersonModel;

use crate::model::{Candidate, Class, Detail, EntityKind, Span};
use crate::segment::SentenceContext;

/// A person candidate with the model's probability as its score (select keeps a person from 0.5).
fn person(s: &SentenceContext<'_>, span: Span, p: f64) -> Candidate {
    Candidate::new(span, s.index, EntityKind::Person, Class::Other, Detail::Person).with_score((4.0 * p) as f32)
}

#[cfg(test)]
mod tests {
    use crate::testing::recognized;

    fn people(text: &str) -> Vec<String> {
        recognized(text).into_iter().filter(|m| m.starts_with("PER")).collect()
    }

    /// The person mentions of an extraction, found again where they recur included (Resolve's
    /// propagation), as `PER Form text`.
    fn mentioned(x: &crate::model::Extraction) -> Vec<String> {
        x.mentions
            .iter()
            .filter(|m| !m.nested && x.entities[m.entity].kind == crate::model::EntityKind::Person)
            .map(|m| format!("PER {:?} {}", m.form, x.doc.slice(&m.span)))
            .collect()
    }

    /// The person entities of an extraction, as `PER name`.
    fn person_entities(x: &crate::model::Extraction) -> Vec<String> {
        crate::testing::entities(x)
            .into_iter()
            .filter(|e| e.starts_with("PER"))
            .collect()
    }

    #[test]
    fn a_name_after_a_title_is_found() {
        assert_eq!(people("市委书记马富国到现场督导。"), vec!["PER Name 马富国"]);
    }

    #[test]
    fn a_word_for_what_a_person_is_marks_the_name_after_it() {
        // (领导人, 哲学家: no post, but a person follows)
        assert_eq!(people("瑞士政治家基伦在其著作中写道。"), vec!["PER Name 基伦"]);
        assert_eq!(people("新芬党领导人亚当斯在北京。"), vec!["PER Name 亚当斯"]);
    }

    #[test]
    fn a_name_before_a_speech_verb_is_found() {
        assert_eq!(people("张涛介绍,目前一切正常。"), vec!["PER Name 张涛"]);
    }

    #[test]
    fn names_joined_by_a_dot_are_one_name() {
        assert_eq!(
            people("外长于贝尔·韦德里纳抵达北京。"),
            vec!["PER Name 于贝尔·韦德里纳"]
        );
        // a part the segmenter cut in two is joined whole (多吉/nrt 欧珠/nr), but not a common word
        // it tags as a name after it (今天上午/nr)
        let found = people("强俄巴·多吉欧珠、甲嘎·洛桑汤杰出席会议。");
        assert!(found.contains(&"PER Name 强俄巴·多吉欧珠".to_owned()), "{found:?}");
        assert_eq!(
            people("外长于贝尔·韦德里纳今天上午抵达北京。"),
            vec!["PER Name 于贝尔·韦德里纳"]
        );
    }

    #[test]
    fn a_surname_with_mou_stands_for_a_person() {
        assert_eq!(people("张某被依法判刑。"), vec!["PER Name 张某"]);
    }

    #[test]
    fn an_ethnic_group_in_brackets_is_no_name() {
        let found = people("选举千奋勇(蒙古族)为政协主席。");
        assert!(!found.iter().any(|m| m.ends_with("蒙古族")), "{found:?}");
    }

    #[test]
    fn a_list_of_trades_holds_no_people() {
        assert_eq!(people("由交通、公安、卫健等部门组成。"), Vec::<String>::new());
    }

    #[test]
    fn a_photo_credit_is_no_part_of_the_name() {
        assert_eq!(people("(新华社记者韩立摄)"), vec!["PER Name 韩立"]);
        assert_eq!(people("(新华社记者章武摄)"), vec!["PER Name 章武"]);
    }

    #[test]
    fn a_verb_the_segmenter_joined_to_a_name_is_left_out() {
        assert_eq!(people("市长郭浩到淇县督导。"), vec!["PER Name 郭浩"]);
    }

    #[test]
    fn a_title_after_a_transliterated_name_marks_it() {
        let found = people("以色列内塔尼亚胡总理表示欢迎。");
        assert!(found.contains(&"PER Name 内塔尼亚胡".to_owned()), "{found:?}");
    }

    #[test]
    fn a_surname_in_address_stands_for_a_person() {
        assert_eq!(people("在老张说话的时候,记者注意到了。"), vec!["PER Name 老张"]);
        assert_eq!(people("他曾在周总理身边工作过。"), vec!["PER Name 周"]);
        assert_eq!(people("说起变化,韩老汉乐得合不上嘴。"), vec!["PER Name 韩"]);
        // 任 of 任指挥长 is a verb, however often it is a surname
        assert_eq!(people("由市委书记任政委、市长任指挥长。"), Vec::<String>::new());
    }

    #[test]
    fn a_short_form_of_a_name_found_in_full_is_that_person() {
        let text = "英国外交大臣罗宾·库克昨天抵达北京。库克说,双方合作前景广阔。\
                    县委书记韩守愚主持会议。会后,守愚同志与大家座谈。韩书记指出,要抓好春耕。";
        let x = crate::testing::extract(text);
        let named = person_entities(&x);
        assert!(named.contains(&"PER 罗宾·库克".to_owned()), "{named:?}");
        assert!(named.contains(&"PER 韩守愚".to_owned()), "{named:?}");
        // 库克, 守愚 and 韩 are mentions of those two, not people of their own
        assert_eq!(named.len(), 2, "{named:?}");
        let found = mentioned(&x);
        for short in ["库克", "守愚", "韩"] {
            assert!(found.contains(&format!("PER Name {short}")), "{short}: {found:?}");
        }
    }

    #[test]
    fn a_common_word_is_no_short_form() {
        // 明年 is the given name of 李明年 and a word jieba saw a thousand times; 中 of 王中 is no
        // surname before a title
        let found = people("记者李明年报道,明年将有新变化。");
        assert_eq!(found, vec!["PER Name 李明年"]);
    }

    #[test]
    fn a_surname_shared_by_two_people_is_merged_into_neither() {
        let x = crate::testing::extract("县长韩守愚、副县长韩立新出席。韩县长指出,要抓好春耕。");
        let people = crate::testing::entities(&x);
        assert!(people.contains(&"PER 韩守愚".to_owned()), "{people:?}");
        assert!(people.contains(&"PER 韩立新".to_owned()), "{people:?}");
        assert!(!x.entities.iter().any(|e| e.aliases.contains("韩")), "{people:?}");
    }

    #[test]
    fn a_candidate_knows_how_often_the_article_repeats_it() {
        let repeated: Vec<f64> =
            feature_values("佩里抵达开罗。佩里表示,和平进程必须继续。佩里说。", "佩里", "repeated");
        // three stand-alone occurrences: each sees the two others
        assert_eq!(repeated.len(), 3, "{repeated:?}");
        assert!(repeated.iter().all(|r| (r - 3f64.ln()).abs() < 1e-9), "{repeated:?}");
    }

    #[test]
    fn lao_zhang_found_on_its_own_is_the_one_zhang_named_in_full() {
        // (老张/n is found by the model or the familiar-address rule before the names are
        // propagated; it is still a mention of 张建国, not a person of its own)
        let x = crate::testing::extract("村党支部书记张建国今年五十岁。老张说,今年的收成好。老张的儿子也回来了。");
        let named = person_entities(&x);
        assert_eq!(named, vec!["PER 张建国".to_owned()], "{named:?}");
        // with two people of that surname, it stays a person of its own
        let x = crate::testing::extract("村党支部书记张建国和村主任张红旗在卡点值守。老张说,今年的收成好。");
        let named = person_entities(&x);
        assert!(named.contains(&"PER 老张".to_owned()), "{named:?}");
    }

    #[test]
    fn xiao_or_lao_before_the_surname_of_someone_named_is_that_person() {
        let x = crate::testing::extract("邮政局局长许强今年五十岁。每天,小许接到的电话很多。老许的儿子也来了。");
        let named = person_entities(&x);
        assert_eq!(named, vec!["PER 许强".to_owned()], "{named:?}");
        let xu = x.entities.iter().find(|e| e.name == "许强").map(|e| e.aliases.clone());
        assert!(xu.is_some_and(|a| a.contains("小许") && a.contains("老许")));
        // a common word is none, whoever is named (老师 with 师永刚, 小时 with 时光明)
        let found = people("记者师永刚、时光明报道。老师们等了一个小时。");
        assert!(
            !found.iter().any(|m| m.contains("老师") || m.contains("小时")),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_after_a_surname_is_no_given_name() {
        // the surname stands for the person; 老汉, 大爷 are how the text addresses him (repeated,
        // 崔老汉 looked like a name the article is about)
        assert_eq!(
            people("崔老汉热情地把我领进屋子。西房是崔老汉老两口住的。崔老汉只有一个儿子。"),
            vec!["PER Name 崔", "PER Name 崔", "PER Name 崔"]
        );
        assert_eq!(people("王大爷收到了信没有?"), vec!["PER Name 王"]);
        // a word for what a person is can be a given name
        assert_eq!(people("本报记者陈冠军报道。"), vec!["PER Name 陈冠军"]);
    }

    #[test]
    fn a_word_after_a_title_may_be_a_name_of_another_shape_and_its_surname_stands_for_it() {
        let x = crate::testing::extract("日本首相桥本龙太郎今天说,日本经济将复苏。桥本表示相信危机不会持久。");
        assert_eq!(mentioned(&x), vec!["PER Name 桥本龙太郎", "PER Name 桥本"]);
        let found = people("李岚清会见了以会长樱内义雄为团长的访华团。樱内义雄表示愿继续努力。");
        assert!(found.contains(&"PER Name 樱内义雄".to_owned()), "{found:?}");
        // a Chinese compound surname is no short form of its own (欧阳 of 欧阳明远)
        let found = people("省长欧阳明远今天说,欧阳家族的祠堂已修复。");
        assert!(!found.contains(&"PER Name 欧阳".to_owned()), "{found:?}");
    }

    #[test]
    fn an_item_of_a_list_of_names_may_carry_a_note_in_brackets() {
        for (text, name) in [
            (
                "会议选举舒国平为主任,卢秀珍(女)、周平、陈癸尊、黄名鑫为副主任。",
                "卢秀珍",
            ),
            (
                "选举马忠为省长,李成玉(回族)、张洪华、李志斌、张以祥为副省长。",
                "李成玉",
            ),
        ] {
            let found = people(text);
            assert!(found.contains(&format!("PER Name {name}")), "{text}: {found:?}");
        }
        // but no part of a dotted name before its note is an item
        let found = people("委员有米吉提·纳斯尔(维吾尔族)、哈德斯·贾那布尔(哈萨克族)、马建国(回族)。");
        assert!(!found.iter().any(|m| m.ends_with(" 那布尔")), "{found:?}");
    }

    #[test]
    fn an_item_the_segmenter_reads_as_a_name_in_a_list_of_names_is_one() {
        // 辜 is too rare a surname for the tables; its neighbours and the segmenter make it a name
        let found = people("会议由张建国主持,李明华、辜志远、王红梅出席。");
        assert!(found.contains(&"PER Name 辜志远".to_owned()), "{found:?}");
        // an ordinary word in the same place is not
        let found = people("会议由张建国主持,李明华、工作人员、王红梅出席。");
        assert!(!found.iter().any(|m| m.contains("工作")), "{found:?}");
    }

    #[test]
    fn a_candidate_in_a_list_knows_how_likely_its_neighbours_are_names() {
        let text = "会议由张建国主持,李明华、王志远、赵红梅出席。王志远说,要抓好春耕。";
        let sib = feature_values(text, "王志远", "sibling");
        // in the list, its neighbours are names; before 说, it has none
        assert_eq!(sib.len(), 2, "{sib:?}");
        assert!(sib[0] > 0.9 && sib[1] == 0.0, "{sib:?}");
        // and the first stage gives the feature no weight (it is computed from that stage)
        let m = crate::testing::pipeline().person;
        assert_eq!(m.weights[super::features::idx("sibling")], 0.0);
    }

    /// One feature of the candidates of `text` whose span reads `word`.
    fn feature_values(text: &str, word: &str, feature: &str) -> Vec<f64> {
        features_of(text, word)
            .iter()
            .map(|f| f[super::features::idx(feature)])
            .collect()
    }

    /// The features of the candidates of `text` whose span reads `word`.
    fn features_of(text: &str, word: &str) -> Vec<super::features::Features> {
        let p = crate::testing::pipeline();
        let (chars, _) = crate::normalize::normalize(text);
        let sentences = crate::split::split(&chars);
        let ctx = crate::segment::contexts(&chars, &sentences, p.g, p.lex, p.seg);
        let all = super::document_spans(&ctx, p.person);
        ctx.iter()
            .zip(all)
            .flat_map(|(s, cands)| {
                cands
                    .into_iter()
                    .filter(|(span, _)| s.slice(span) == word)
                    .map(|(_, f)| f)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn a_name_alone_on_its_line_is_marked() {
        // an author's name under a headline, in brackets or not; the same name in a sentence is not
        let text = "拒绝无聊\n黄团元\n他说,(黄团元)\n( 黄团元 )";
        let whole = feature_values(text, "黄团元", "whole_line");
        assert_eq!(whole, vec![1.0, 0.0, 1.0], "{whole:?}");
    }

    #[test]
    fn how_often_the_dictionary_saw_a_name_counts_in_whole_steps() {
        let f = features_of("邓小平南方谈话推动了建设。", "邓小平");
        assert_eq!(f.len(), 1);
        let n = f[0][super::features::idx("nr_freq")];
        // a household name: e^8 is about 3,000
        assert!(n >= 8.0 && n.fract() == 0.0, "{n}");
        // a name the dictionary does not hold has none
        let f = features_of("市委书记马富国到现场督导。", "马富国");
        assert_eq!(f[0][super::features::idx("nr_freq")], 0.0);
    }

    #[test]
    fn the_trees_rescore_only_what_the_weights_leave_open() {
        let m = crate::testing::pipeline().person;
        assert!(!m.trees.is_empty());
        for (text, word) in [
            ("党员张立强在卡点值守。", "张立强"),
            ("学雷锋小组开展活动。", "学雷锋"),
            ("他说,(黄团元)", "黄团元"),
        ] {
            for f in features_of(text, word) {
                let linear = m.linear_probability(&f);
                let p = m.probability(&f);
                if !(super::model::STAGE_TWO_FROM..super::model::STAGE_TWO_TO).contains(&linear) {
                    assert_eq!(p, linear, "{word}");
                } else {
                    let trees = 1.0 / (1.0 + (-m.trees.score(&f)).exp());
                    assert!((p - trees).abs() < 1e-12, "{word}");
                }
            }
        }
    }
}
