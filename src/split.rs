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

/// A line that opens a news item: a byline or a `本报讯` dateline.
fn is_item_start(line: &[char]) -> bool {
    starts_with(line, "□") || starts_with(line, "本报讯") || starts_with(line, "■")
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

/// `本报讯(记者 高雯)“咱们的…` — the dateline in brackets becomes a byline sentence of its own.
fn split_byline_prefix(text: &[char], sentences: &mut Vec<Sentence>, first: usize) {
    let Some(s) = sentences.get(first).cloned() else {
        return;
    };
    let chars = &text[s.span.clone()];
    if !starts_with(chars, "本报讯") {
        return;
    }
    let Some(close) = chars.iter().take(30).position(|&c| c == ')' || c == '）') else {
        return;
    };
    let cut = s.span.start + close + 1;
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
    fn a_second_item_takes_its_headline_with_it() {
        let got = run("第一条新闻\n本报讯(记者 甲乙)正文,写在这里。\n第二条标题\n本报讯(记者 丙丁)另一条,在这里。");
        let items: Vec<_> = got.iter().map(|x| x.2).collect();
        assert_eq!(items, [0, 0, 0, 1, 1, 1]);
    }
}
