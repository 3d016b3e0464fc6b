//! A GEXF 1.3 writer on quick-xml, for Gephi's timeline: when any article is dated the graph is
//! `dynamic` with `timeformat="date"`, and every node and edge spans the first to the last day it
//! is seen on (`start`/`end`; undated ones have none and so exist throughout). Attributes are
//! declared per class with GEXF types (`type`, `iri`, `mentions`, `documents`; `kind`, `title`,
//! `documents`); node ids are the entities' IRIs, as in GraphML.

use super::graph::ExportGraph;
use super::graphml::xml_clean;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use std::io::Write;

/// (class, id, type)
const ATTRIBUTES: &[(&str, &str, &str)] = &[
    ("node", "type", "string"),
    ("node", "iri", "string"),
    ("node", "mentions", "long"),
    ("node", "documents", "long"),
    ("edge", "kind", "string"),
    ("edge", "title", "string"),
    ("edge", "documents", "long"),
];

fn attvalues<W: Write>(w: &mut Writer<W>, values: &[(&str, String)]) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for (k, v) in values {
        let mut a = BytesStart::new("attvalue");
        let v = xml_clean(v);
        a.push_attribute(("for", *k));
        a.push_attribute(("value", v.as_str()));
        w.write_event(Event::Empty(a))?;
    }
    w.write_event(Event::End(BytesEnd::new("attvalues")))?;
    Ok(())
}

fn span(e: &mut BytesStart<'_>, start: &Option<String>, end: &Option<String>) {
    if let Some(s) = start {
        e.push_attribute(("start", s.as_str()));
    }
    if let Some(s) = end {
        e.push_attribute(("end", s.as_str()));
    }
}

/// Write a graph as GEXF 1.3.
pub fn write<W: Write>(g: &ExportGraph, out: W) -> std::io::Result<W> {
    let nodes = g.nodes();
    let edges = g.edges();
    let dynamic = nodes.iter().any(|n| n.start.is_some()) || edges.iter().any(|(_, _, e)| e.start.is_some());
    let mut w = Writer::new_with_indent(out, b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("gexf");
    root.push_attribute(("xmlns", "http://gexf.net/1.3"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute(("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"));
    root.push_attribute(("version", "1.3"));
    w.write_event(Event::Start(root))?;
    w.write_event(Event::Start(BytesStart::new("meta")))?;
    w.create_element("creator")
        .write_text_content(quick_xml::events::BytesText::new("guanxi"))?;
    w.write_event(Event::End(BytesEnd::new("meta")))?;
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("defaultedgetype", if g.directed() { "directed" } else { "undirected" }));
    if dynamic {
        graph.push_attribute(("mode", "dynamic"));
        graph.push_attribute(("timeformat", "date"));
    } else {
        graph.push_attribute(("mode", "static"));
    }
    w.write_event(Event::Start(graph))?;
    for class in ["node", "edge"] {
        let mut attrs = BytesStart::new("attributes");
        attrs.push_attribute(("class", class));
        attrs.push_attribute(("mode", "static"));
        w.write_event(Event::Start(attrs))?;
        for (_, id, ty) in ATTRIBUTES.iter().filter(|(c, _, _)| *c == class) {
            let mut a = BytesStart::new("attribute");
            a.push_attribute(("id", *id));
            a.push_attribute(("title", *id));
            a.push_attribute(("type", *ty));
            w.write_event(Event::Empty(a))?;
        }
        w.write_event(Event::End(BytesEnd::new("attributes")))?;
    }
    w.write_event(Event::Start(BytesStart::new("nodes")))?;
    for n in &nodes {
        let mut node = BytesStart::new("node");
        let (id, label) = (xml_clean(&n.iri), xml_clean(&n.label));
        node.push_attribute(("id", id.as_str()));
        node.push_attribute(("label", label.as_str()));
        span(&mut node, &n.start, &n.end);
        w.write_event(Event::Start(node))?;
        attvalues(
            &mut w,
            &[
                ("type", n.kind.clone()),
                ("iri", n.iri.clone()),
                ("mentions", n.mentions.to_string()),
                ("documents", n.documents.to_string()),
            ],
        )?;
        w.write_event(Event::End(BytesEnd::new("node")))?;
    }
    w.write_event(Event::End(BytesEnd::new("nodes")))?;
    w.write_event(Event::Start(BytesStart::new("edges")))?;
    for (i, (a, b, e)) in edges.iter().enumerate() {
        let mut edge = BytesStart::new("edge");
        let (id, source, target, weight) = (
            format!("e{i}"),
            xml_clean(&a.iri),
            xml_clean(&b.iri),
            e.weight.to_string(),
        );
        edge.push_attribute(("id", id.as_str()));
        edge.push_attribute(("source", source.as_str()));
        edge.push_attribute(("target", target.as_str()));
        edge.push_attribute(("weight", weight.as_str()));
        span(&mut edge, &e.start, &e.end);
        w.write_event(Event::Start(edge))?;
        let mut values = vec![("kind", e.kind.clone())];
        if let Some(t) = &e.title {
            values.push(("title", t.clone()));
        }
        values.push(("documents", e.documents.to_string()));
        attvalues(&mut w, &values)?;
        w.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    w.write_event(Event::End(BytesEnd::new("edges")))?;
    w.write_event(Event::End(BytesEnd::new("graph")))?;
    w.write_event(Event::End(BytesEnd::new("gexf")))?;
    let mut out = w.into_inner();
    out.write_all(b"\n")?;
    Ok(out)
}
