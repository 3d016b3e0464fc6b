//! A GraphML writer on quick-xml: keys declared separately for nodes and edges with GraphML types
//! (so that Gephi reads `weight` as a number and `label` as the label), in a fixed order; node ids
//! are the entities' IRIs, stable across exports; text is XML-escaped and characters XML 1.0
//! forbids are removed.

use super::graph::ExportGraph;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::io::Write;

/// (id, for, attr.name, attr.type)
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("iri", "node", "iri", "string"),
    ("mentions", "node", "mentions", "int"),
    ("node_documents", "node", "documents", "int"),
    ("weight", "edge", "weight", "double"),
    ("kind", "edge", "kind", "string"),
    ("title", "edge", "title", "string"),
    ("edge_documents", "edge", "documents", "int"),
];

/// Characters XML 1.0 allows.
pub fn xml_clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\u{9}' | '\u{a}' | '\u{d}' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..='\u{10ffff}')
        })
        .collect()
}

fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> std::io::Result<()> {
    let mut start = BytesStart::new("data");
    start.push_attribute(("key", key));
    w.write_event(Event::Start(start))?;
    w.write_event(Event::Text(BytesText::new(&xml_clean(value))))?;
    w.write_event(Event::End(BytesEnd::new("data")))?;
    Ok(())
}

/// Write a graph as GraphML.
pub fn write<W: Write>(g: &ExportGraph, out: W) -> std::io::Result<W> {
    let mut w = Writer::new_with_indent(out, b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute((
        "xsi:schemaLocation",
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    ));
    w.write_event(Event::Start(root))?;
    for (id, kind, name, ty) in KEYS {
        let mut k = BytesStart::new("key");
        k.push_attribute(("id", *id));
        k.push_attribute(("for", *kind));
        k.push_attribute(("attr.name", *name));
        k.push_attribute(("attr.type", *ty));
        w.write_event(Event::Empty(k))?;
    }
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "guanxi"));
    graph.push_attribute(("edgedefault", if g.directed() { "directed" } else { "undirected" }));
    w.write_event(Event::Start(graph))?;
    for n in g.nodes() {
        let mut node = BytesStart::new("node");
        let id = xml_clean(&n.iri);
        node.push_attribute(("id", id.as_str()));
        w.write_event(Event::Start(node))?;
        data(&mut w, "label", &n.label)?;
        data(&mut w, "type", &n.kind)?;
        data(&mut w, "iri", &n.iri)?;
        data(&mut w, "mentions", &n.mentions.to_string())?;
        data(&mut w, "node_documents", &n.documents.to_string())?;
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    for (i, (a, b, e)) in g.edges().into_iter().enumerate() {
        let mut edge = BytesStart::new("edge");
        let id = format!("e{i}");
        let (source, target) = (xml_clean(&a.iri), xml_clean(&b.iri));
        edge.push_attribute(("id", id.as_str()));
        edge.push_attribute(("source", source.as_str()));
        edge.push_attribute(("target", target.as_str()));
        w.write_event(Event::Start(edge))?;
        data(&mut w, "weight", &e.weight.to_string())?;
        data(&mut w, "kind", &e.kind)?;
        if let Some(t) = &e.title {
            data(&mut w, "title", t)?;
        }
        data(&mut w, "edge_documents", &e.documents.to_string())?;
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    let mut out = w.into_inner();
    out.write_all(b"\n")?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_removed() {
        assert_eq!(xml_clean("鹤\u{1}壁\u{b}市\u{fffe}"), "鹤壁市");
    }
}
