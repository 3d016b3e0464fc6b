//! Every IRI of the data model (DESIGN.md, "RDF data model"), in one place.

#![allow(missing_docs)]

/// `rdf:`
pub mod rdf {
    use oxigraph::model::NamedNodeRef;
    pub const TYPE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    pub const STATEMENT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement");
    pub const SUBJECT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject");
    pub const PREDICATE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate");
    pub const OBJECT: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#object");
}

/// `rdfs:`
pub mod rdfs {
    use oxigraph::model::NamedNodeRef;
    pub const LABEL: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
}

/// `schema:`
pub mod schema {
    use oxigraph::model::NamedNodeRef;
    pub const PERSON: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/Person");
    pub const ORGANIZATION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/Organization");
    pub const GOVERNMENT_ORGANIZATION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://schema.org/GovernmentOrganization");
    pub const HOSPITAL: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/Hospital");
    pub const CORPORATION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/Corporation");
    pub const NEWS_MEDIA_ORGANIZATION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://schema.org/NewsMediaOrganization");
    pub const EDUCATIONAL_ORGANIZATION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://schema.org/EducationalOrganization");
    pub const PLACE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/Place");
    pub const ADMINISTRATIVE_AREA: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://schema.org/AdministrativeArea");
    pub const COUNTRY: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/Country");
    pub const NEWS_ARTICLE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/NewsArticle");
    pub const HEADLINE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/headline");
    pub const DATE_PUBLISHED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/datePublished");
    pub const URL: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/url");
    pub const PUBLISHER: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/publisher");
    pub const AUTHOR: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/author");
    pub const ALTERNATE_NAME: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/alternateName");
    pub const CONTAINED_IN_PLACE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/containedInPlace");
    pub const LOCATION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://schema.org/location");
}

/// `org:` (W3C Organization Ontology)
pub mod org {
    use oxigraph::model::NamedNodeRef;
    pub const POST: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#Post");
    pub const ROLE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#Role");
    pub const HELD_BY: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#heldBy");
    pub const HOLDS: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#holds");
    pub const POST_IN: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#postIn");
    pub const ROLE_PROP: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#role");
    pub const HEAD_OF: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#headOf");
    pub const MEMBER_OF: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#memberOf");
    pub const SUB_ORGANIZATION_OF: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#subOrganizationOf");
}

/// `prov:`
pub mod prov {
    use oxigraph::model::NamedNodeRef;
    pub const WAS_DERIVED_FROM: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/prov#wasDerivedFrom");
}

/// `nif:`
pub mod nif {
    use oxigraph::model::NamedNodeRef;
    pub const SENTENCE: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence");
    pub const IS_STRING: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString");
    pub const ANCHOR_OF: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf");
    pub const BEGIN_INDEX: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex");
    pub const END_INDEX: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex");
}

/// `gx:` — the project vocabulary, <https://w3id.org/guanxi/ns#>.
pub mod gx {
    use oxigraph::model::NamedNodeRef;
    pub const NS: &str = "https://w3id.org/guanxi/ns#";
    pub const CHECKPOINT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#Checkpoint");
    pub const TEAM: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#Team");
    pub const PARTY_ORGANIZATION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#PartyOrganization");
    /// A named mention of the flat layer (鹤壁市, 马富国).
    pub const MENTION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#Mention");
    /// A name inside a longer name (鹤壁东站 in 鹤壁东站疫情防控卡点).
    pub const NESTED_MENTION: NamedNodeRef<'_> =
        NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#NestedMention");
    /// A reference that is no proper name: implicit scope (市住建局), pronoun (我市), bare noun (指挥部).
    pub const REFERENCE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#Reference");
    pub const FORM: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#form");
    pub const REFERS_TO: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#refersTo");
    pub const SENTENCE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#sentence");
    pub const IN_DOCUMENT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#inDocument");
    pub const FILE_NAME: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#fileName");
    pub const SHA256: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#sha256");
    pub const DIVISION_CODE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#divisionCode");
    pub const LEADS: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#leads");
    pub const STATIONED_AT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#stationedAt");
    pub const INSPECTED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#inspected");
    pub const DONATED_TO: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#donatedTo");
    pub const AMOUNT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#amount");
    pub const TITLE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#title");
    /// The day of a fact (`xsd:date`), resolved against the article's date.
    pub const DATE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#date");
    /// The date the text gives for a fact, as written (1月29日, 当天).
    pub const DATE_TEXT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#dateText");
    pub const CO_MENTION: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#CoMention");
    pub const BETWEEN: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#between");
    pub const WEIGHT: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#weight");
    pub const EVIDENCE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("https://w3id.org/guanxi/ns#evidence");
}

/// The default base of entity and document IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/guanxi/id/";

/// The prologue of the library's own SPARQL queries: [`PREFIXES`] and `xsd`.
pub const PROLOGUE: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX gx: <https://w3id.org/guanxi/ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
";

/// The SPARQL prefixes of DESIGN.md, for queries and Turtle output.
pub const PREFIXES: &[(&str, &str)] = &[
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("schema", "http://schema.org/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"),
    ("gx", "https://w3id.org/guanxi/ns#"),
];

#[cfg(test)]
mod prologue_tests {
    #[test]
    fn the_prologue_declares_every_prefix() {
        for (p, ns) in super::PREFIXES {
            assert!(super::PROLOGUE.contains(&format!("PREFIX {p}: <{ns}>\n")), "{p}");
        }
    }
}
