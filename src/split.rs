//! Split: paragraphs (lines), sentences, and what each is on the page — headline, byline, caption
//! or running text — plus the news items of a multi-item page (`本报讯` … items often switch place).

use crate::model::{Sentence, SentenceKind, Span};

/// Characters that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '！' | '？' | '；')
}

/// Characters that stay with the sentence they close (quotes, brackets).
fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | '）' | '》' | '】' | '」' | '』')
}

/// Split a normalised text into sentences.
pub fn split(text: &[char]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0usize;
    let mut item = 0usize;
    let mut line_start = 0usize;
    // headlines seen since the last body line: they open the next item when a byline follows
    let mut pending_headlines: Vec<usize> = Vec::new();
    let mut seen_body = false;
    for line_end in text
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c == '\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
    {
        let line = trim(text, line_start..line_end);
        line_start = line_end + 1;
        if line.is_empty() {
            continue;
        }
        let kind = line_kind(&text[line.clone()]);
        if is_item_start(&text[line.clone()]) && seen_body {
            item += 1;
            for &s in &pending_headlines {
                let sentence: &mut Sentence = &mut sentences[s];
                sentence.item = item;
            }
            seen_body = false;
        }
        let first = sentences.len();
        for span in sentence_spans(text, line.clone()) {
            sentences.push(Sentence {
                span,
                paragraph,
                item,
                kind,
            });
        }
        split_byline_prefix(text, &mut sentences, first);
        if kind == SentenceKind::Headline {
            pending_headlines.extend(first..sentences.len());
        } else {
            pending_headlines.clear();
            if kind == SentenceKind::Body {
                seen_body = true;
            }
        }
        paragraph += 1;
    }
    sentences
}

fn trim(text: &[char], span: Span) -> Span {
    let mut s = span.start;
    let mut e = span.end;
    while s < e && text[s].is_whitespace() {
        s += 1;
    }
    while e > s && text[e - 1].is_whitespace() {
        e -= 1;
    }
    s..e
}

fn sentence_spans(text: &[char], line: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = line.start;
    let mut i = line.start;
    while i < line.end {
        let c = text[i];
        let ellipsis = c == '.' && i + 2 < line.end && text[i + 1] == '.' && text[i + 2] == '.';
        if is_terminal(c) || ellipsis || c == '…' {
            let mut end = i + if ellipsis { 3 } else { 1 };
            while end < line.end && (is_terminal(text[end]) || text[end] == '…' || text[end] == '.') {
                end += 1;
            }
            while end < line.end && is_closing(text[end]) {
                end += 1;
            }
            let span = trim(text, start..end);
            if !span.is_empty() {
                out.push(span);
            }
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    let span = trim(text, start..line.end);
    if !span.is_empty() {
        out.push(span);
    }
    out
}

fn starts_with(chars: &[char], prefix: &str) -> bool {
    let mut it = chars.iter();
    prefix.chars().all(|p| it.next() == Some(&p))
}

fn contains(chars: &[char], needle: &str) -> bool {
    let n: Vec<char> = needle.chars().collect();
    chars.windows(n.len()).any(|w| w == n.as_slice())
}

fn ends_with(chars: &[char], suffix: &str) -> bool {
    let n: Vec<char> = suffix.chars().collect();
    chars.len() >= n.len() && chars[chars.len() - n.len()..] == n[..]
}

/// A line that opens a news item: a byline or a dateline (`本报讯`, `梨树时报讯(…)`).
fn is_item_start(line: &[char]) -> bool {
    starts_with(line, "□") || starts_with(line, "■") || dateline_end(line).is_some()
}

/// Where the dateline that opens a line ends: the outlet (and the place and date) before `讯`,
/// `电` or `消息` — `本报讯`, `梨树时报讯(实习记者 芦继鑫)`, `红网时刻8月21日讯 (通讯员 李勇)`,
/// `海南日报文城7月21日电(记者 金昌波)` — with the credit in brackets after it, if any. `电` and
/// `消息` open a dateline only with a credit in brackets.
pub fn dateline_end(line: &[char]) -> Option<usize> {
    let head = line.len().min(32);
    let (mark, n) = (1..head).find_map(|i| {
        let prefix_ok = line[..i]
            .iter()
            .all(|&c| crate::input::is_han(c) || c.is_ascii_digit() || c == '·' || c == ' ');
        if !prefix_ok {
            return None;
        }
        if matches!(line[i], '讯' | '电') {
            Some((i, 1))
        } else if line[i] == '消' && line.get(i + 1) == Some(&'息') {
            Some((i, 2))
        } else {
            None
        }
    })?;
    if mark < 2 {
        return None;
    }
    let mut end = mark + n;
    while end < line.len() && line[end] == ' ' {
        end += 1;
    }
    if line.get(end) == Some(&'(') {
        let close = (end..line.len().min(end + 40)).find(|&k| line[k] == ')')?;
        end = close + 1;
        if line.get(end) == Some(&':') {
            end += 1;
        }
        Some(end)
    } else if line[mark] == '讯' && (end == line.len() || end > mark + n || matches!(line.get(end), Some(':'))) {
        Some(if line.get(end) == Some(&':') { end + 1 } else { mark + n })
    } else {
        None
    }
}

fn line_kind(line: &[char]) -> SentenceKind {
    if starts_with(line, "□") || starts_with(line, "■") || starts_with(line, "本报记者") {
        return SentenceKind::Byline;
    }
    if starts_with(line, "图为")
        || ends_with(line, "摄")
        || ends_with(line, "本报资料照片")
        || (starts_with(line, "(") && contains(line, "照片") && ends_with(line, ")"))
        || (starts_with(line, "(") && ends_with(line, "提供)"))
    {
        return SentenceKind::Caption;
    }
    let has_terminal = line.iter().any(|&c| is_terminal(c) || c == '…' || c == ',');
    if !has_terminal && line.len() <= 40 {
        return SentenceKind::Headline;
    }
    SentenceKind::Body
}

/// `本报讯(记者 高雯)“咱们的…`, `红网时刻8月21日讯 (通讯员 李勇)8月20日,…` — the dateline with
/// its credit becomes a byline sentence of its own.
fn split_byline_prefix(text: &[char], sentences: &mut Vec<Sentence>, first: usize) {
    let Some(s) = sentences.get(first).cloned() else {
        return;
    };
    let chars = &text[s.span.clone()];
    let Some(len) = dateline_end(chars) else {
        return;
    };
    let cut = s.span.start + len;
    if cut >= s.span.end {
        sentences[first].kind = SentenceKind::Byline;
        return;
    }
    let rest = trim(text, cut..s.span.end);
    sentences[first].span = s.span.start..cut;
    sentences[first].kind = SentenceKind::Byline;
    if !rest.is_empty() {
        sentences.insert(
            first + 1,
            Sentence {
                span: rest,
                kind: SentenceKind::Body,
                ..s
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> Vec<(String, SentenceKind, usize)> {
        let chars: Vec<char> = s.chars().collect();
        split(&chars)
            .into_iter()
            .map(|x| (chars[x.span].iter().collect(), x.kind, x.item))
            .collect()
    }

    #[test]
    fn sentences_end_at_terminal_punctuation_and_keep_closing_quotes() {
        let got = run("他说:“好!”我们走。真的?是;\n下一段…还有");
        let texts: Vec<_> = got.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["他说:“好!”", "我们走。", "真的?", "是;", "下一段…", "还有"]);
    }

    #[test]
    fn page_layout_is_recognised() {
        let got = run("众志成城筑防线\n□本报记者 李明 王强\n正文第一句,写得很长。\n图为2月18日,队员在卡点值守。\n");
        assert_eq!(got[0].1, SentenceKind::Headline);
        assert_eq!(got[1].1, SentenceKind::Byline);
        assert_eq!(got[2].1, SentenceKind::Body);
        assert_eq!(got[3].1, SentenceKind::Caption);
    }

    #[test]
    fn dateline_byline_is_split_off() {
        let got = run("本报讯(记者 高明)3月5日,在示范区举行活动。");
        assert_eq!(got[0].0, "本报讯(记者 高明)");
        assert_eq!(got[0].1, SentenceKind::Byline);
        assert_eq!(got[1].0, "3月5日,在示范区举行活动。");
    }

    #[test]
    fn datelines_of_many_outlets_are_split_off() {
        for (line, dateline) in [
            (
                "桐柏日报讯(实习记者 王小川)在春节来临之际,县长到乡里调研。",
                "桐柏日报讯(实习记者 王小川)",
            ),
            (
                "湘西网时刻5月2日讯 (通讯员 田甲 向乙)5月1日,州长到吉首调研。",
                "湘西网时刻5月2日讯 (通讯员 田甲 向乙)",
            ),
            (
                "云南日报昆明3月3日电(记者 张三)3月2日,省长到曲靖调研。",
                "云南日报昆明3月3日电(记者 张三)",
            ),
            ("宁县门户网讯 近日,县委书记到乡镇调研。", "宁县门户网讯"),
        ] {
            let got = run(line);
            assert_eq!(got[0].0, dateline, "{line}");
            assert_eq!(got[0].1, SentenceKind::Byline, "{line}");
        }
        // a sentence that merely mentions news is none
        let got = run("他说,电视台报道了这件事,大家都很高兴。");
        assert_eq!(got[0].1, SentenceKind::Body);
    }

    #[test]
    fn a_second_item_takes_its_headline_with_it() {
        let got = run("第一条新闻\n本报讯(记者 甲乙)正文,写在这里。\n第二条标题\n本报讯(记者 丙丁)另一条,在这里。");
        let items: Vec<_> = got.iter().map(|x| x.2).collect();
        assert_eq!(items, [0, 0, 0, 1, 1, 1]);
    }
}
