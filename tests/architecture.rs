//! The shape of the code: word lists live in `gazetteer/`, not in `src/` — a rule that needs a list
//! of Chinese words reads it from a table (`words.tsv`, `markers.tsv`, `verbs.tsv` …), so that
//! extending coverage is a change of data with a case in `tests/rules.rs`. These tests read the
//! sources as text.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

/// The string and char literals of a line of code that hold Chinese characters.
fn han_literals(line: &str) -> Vec<String> {
    let code = match line.find("//") {
        Some(i) if !line[..i].contains('"') => &line[..i],
        _ => line,
    };
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' || c == '\'' {
            let mut lit = String::new();
            while let Some(d) = chars.next() {
                if d == '\\' {
                    chars.next();
                    continue;
                }
                if d == c {
                    break;
                }
                lit.push(d);
            }
            if lit.chars().any(is_han) {
                out.push(lit);
            }
        }
    }
    out
}

/// Every line of non-test code of `src/` (test modules sit at the end of their files).
fn code_lines() -> Vec<(String, usize, String)> {
    let mut files = Vec::new();
    sources(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(), &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("a source file is UTF-8");
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
        let name = f.display().to_string();
        for (n, line) in code.lines().enumerate() {
            if !line.trim_start().starts_with("//") {
                out.push((name.clone(), n + 1, line.to_owned()));
            }
        }
    }
    out
}

#[test]
fn no_list_of_chinese_words_in_the_code() {
    let mut found = Vec::new();
    let lines = code_lines();
    for (i, (file, n, line)) in lines.iter().enumerate() {
        // a list on one line (matches!(w, "甲" | "乙" | …), ["甲", "乙", …])
        if han_literals(line).len() > 3 {
            found.push(format!("{file}:{n}: {}", line.trim()));
        }
        // or a constant array of words over several lines
        if line.contains("&[&str]") {
            let words: usize = lines[i..]
                .iter()
                .take(40)
                .take_while(|(_, _, l)| !l.contains("];"))
                .map(|(_, _, l)| han_literals(l).len())
                .sum();
            if words > 3 {
                found.push(format!("{file}:{n}: a constant list of {words} words"));
            }
        }
        // or a string of characters to test membership in ("市县区省".contains)
        for lit in han_literals(line) {
            if lit.chars().count() > 3 && line.contains(&format!("\"{lit}\".contains")) {
                found.push(format!("{file}:{n}: a set of characters \"{lit}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "word lists belong in gazetteer/ (words.tsv, markers.tsv …):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_list_when_there_is_one() {
    assert_eq!(
        han_literals(r#"matches!(w, "部门" | "单位" | "机关" | "中心")"#).len(),
        4
    );
    assert_eq!(
        han_literals(r#"let x = "市县区省".contains(c); // 市"#),
        vec!["市县区省"]
    );
    // (comments are no code)
    assert!(han_literals("    // 注释里的\"中文\"").is_empty());
}
