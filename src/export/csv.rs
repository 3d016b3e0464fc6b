//! CSV tables of the export graph: `nodes.csv` (id, label, type, iri, mentions, documents) and
//! `edges.csv` (source, target, kind, weight, title, documents), RFC 4180 quoting.

use super::graph::ExportGraph;
use std::io::Write;

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub fn write_nodes<W: Write>(g: &ExportGraph, mut w: W) -> std::io::Result<()> {
    writeln!(w, "id,label,type,iri,mentions,documents")?;
    for n in g.nodes() {
        writeln!(
            w,
            "{},{},{},{},{},{}",
            field(&n.iri),
            field(&n.label),
            n.kind,
            field(&n.iri),
            n.mentions,
            n.documents
        )?;
    }
    Ok(())
}

pub fn write_edges<W: Write>(g: &ExportGraph, mut w: W) -> std::io::Result<()> {
    writeln!(w, "source,target,kind,weight,title,documents")?;
    for (a, b, e) in g.edges() {
        writeln!(
            w,
            "{},{},{},{},{},{}",
            field(&a.iri),
            field(&b.iri),
            e.kind,
            e.weight,
            field(e.title.as_deref().unwrap_or("")),
            e.documents
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(super::field("a,b"), "\"a,b\"");
        assert_eq!(super::field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(super::field("鹤壁市"), "鹤壁市");
    }
}
