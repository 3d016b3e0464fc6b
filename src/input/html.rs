//! Saved HTML pages: the article's main text, headline and date, with a well-kept HTML parser
//! (scraper, html5ever). The main text is the paragraphs of the block that holds the most Chinese
//! text in paragraphs; navigation, headers, footers, scripts, styles and comments are left out.

use super::Meta;
use scraper::{ElementRef, Html, Selector};
use std::collections::HashMap;

/// Elements whose text is never the article's.
const FURNITURE: [&str; 8] = [
    "script", "style", "nav", "header", "footer", "aside", "noscript", "form",
];

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| super::is_han(c)).count()
}

fn in_furniture(e: &ElementRef<'_>) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| FURNITURE.contains(&a.value().name()))
}

/// The text of an element, whitespace folded, without scripts and styles.
fn text_of(e: &ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        if let Some(t) = node.value().as_text() {
            let inside_code = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "script" | "style" | "noscript"));
            if !inside_code {
                out.push_str(t);
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The main text, headline and date of a page.
pub fn article(page: &str) -> (String, Meta) {
    let doc = Html::parse_document(page);
    let first_text = |sel: &str| -> Option<String> {
        let s = selector(sel)?;
        doc.select(&s)
            .filter(|e| !in_furniture(e))
            .map(|e| text_of(&e))
            .find(|t| han_count(t) >= 2)
    };
    let meta_content = |names: &[&str]| -> Option<String> {
        let s = selector("meta")?;
        doc.select(&s).find_map(|m| {
            let v = m.value();
            let key = v
                .attr("name")
                .or_else(|| v.attr("property"))
                .or_else(|| v.attr("itemprop"))?;
            names
                .iter()
                .any(|n| key.eq_ignore_ascii_case(n))
                .then(|| {
                    v.attr("content")
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                })
                .flatten()
        })
    };
    let title = first_text("h1")
        .or_else(|| meta_content(&["og:title", "title", "ArticleTitle"]))
        .or_else(|| first_text("title"));
    let date = meta_content(&[
        "article:published_time",
        "pubdate",
        "publishdate",
        "PubDate",
        "publish_date",
        "og:release_date",
        "datePublished",
        "date",
    ])
    .or_else(|| {
        let s = selector("time")?;
        doc.select(&s)
            .find_map(|t| t.value().attr("datetime").map(str::to_owned))
    });
    let source = meta_content(&["og:site_name", "source", "ContentSource", "SiteName"]);
    let author = meta_content(&["author", "article:author"]);
    let url = meta_content(&["og:url", "url"]).or_else(|| {
        let s = selector("link[rel=canonical]")?;
        doc.select(&s).find_map(|l| l.value().attr("href").map(str::to_owned))
    });
    // the paragraphs, by the block that holds them
    // (a block is known by its node's id, written out: the tree's own type is scraper's business)
    let mut blocks: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    if let Some(p) = selector("p") {
        for e in doc.select(&p).filter(|e| !in_furniture(e)) {
            let t = text_of(&e);
            if han_count(&t) == 0 {
                continue;
            }
            let Some(parent) = e.parent().map(|n| format!("{:?}", n.id())) else {
                continue;
            };
            let entry = blocks.entry(parent.clone()).or_insert_with(|| {
                order.push(parent);
                (0, Vec::new())
            });
            entry.0 += han_count(&t);
            entry.1.push(t);
        }
    }
    let best = order
        .iter()
        .max_by_key(|id| blocks[*id].0)
        .map(|id| blocks[id].1.join("\n"));
    let text = match best {
        Some(t) if han_count(&t) >= 20 => t,
        // no paragraphs: the body's text, line by line of its blocks
        _ => selector("body")
            .and_then(|b| doc.select(&b).next().map(|e| text_of(&e)))
            .unwrap_or_default(),
    };
    let text = match &title {
        Some(t) if !text.starts_with(t.as_str()) => format!("{t}\n{text}"),
        _ => text,
    };
    (
        text,
        Meta {
            title,
            date,
            url,
            source,
            author,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_text_headline_and_date_of_a_page() {
        let page = r#"<html><head><title>县长到镇里调研_某县新闻网</title>
            <meta name="pubdate" content="2021-03-05 09:30:00">
            <script>var x = "县委书记不在这里";</script></head>
            <body><nav><p>首页 县情 新闻中心 政务公开</p></nav>
            <h1>县长李明到城关镇调研</h1>
            <div class="content"><p>3月4日,县长李明到城关镇调研春耕生产。</p>
            <p>他强调,要抓好春耕。</p><!-- 评论 --></div>
            <footer><p>版权所有 某县人民政府</p></footer></body></html>"#;
        let (text, meta) = article(page);
        assert_eq!(meta.title.as_deref(), Some("县长李明到城关镇调研"));
        assert_eq!(meta.date.as_deref(), Some("2021-03-05 09:30:00"));
        assert_eq!(
            text,
            "县长李明到城关镇调研\n3月4日,县长李明到城关镇调研春耕生产。\n他强调,要抓好春耕。"
        );
        assert!(!text.contains("版权所有") && !text.contains("首页") && !text.contains("不在这里"));
    }
}
