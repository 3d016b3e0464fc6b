//! The store: order independence of builds, provenance of every relation, shared descriptions.

use crate::util::{PREFIXES, all_quads, build, demo, select, tempdir};
use std::collections::BTreeSet;

#[test]
fn building_in_any_order_or_in_separate_stores_gives_the_same_quads() {
    let dir = tempdir();
    let a = demo().join("01-qixian-checkpoints.txt");
    let b = demo().join("02-xunxian-donations.txt");
    let ab = dir.path().join("ab");
    build(&ab, &[&a]);
    build(&ab, &[&b]);
    let ba = dir.path().join("ba");
    build(&ba, &[&b]);
    build(&ba, &[&a]);
    let (sa, sb) = (dir.path().join("a"), dir.path().join("b"));
    build(&sa, &[&a]);
    build(&sb, &[&b]);
    let union: BTreeSet<String> = all_quads(&sa).union(&all_quads(&sb)).cloned().collect();
    let quads_ab = all_quads(&ab);
    assert!(quads_ab.len() > 500);
    assert_eq!(quads_ab, all_quads(&ba));
    assert_eq!(quads_ab, union);
}

#[test]
fn every_relation_has_a_provenance_statement() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let violations = select(
        &store,
        &format!(
            "{PREFIXES}SELECT ?s ?p ?o WHERE {{
  VALUES ?p {{ gx:leads gx:stationedAt gx:inspected gx:donatedTo org:memberOf org:subOrganizationOf
              schema:containedInPlace schema:location org:holds org:heldBy org:postIn org:headOf }}
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sen ; gx:evidence ?ev }}
}}"
        ),
    );
    assert!(violations.is_empty(), "relations without provenance: {violations:?}");
    let checked = select(&store, &format!("{PREFIXES}SELECT ?st WHERE {{ ?st a rdf:Statement }}"));
    assert!(checked.len() > 50, "the demo states relations");
}

#[test]
fn posts_follow_the_data_model() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo()]);
    let rows = select(
        &store,
        &format!(
            "{PREFIXES}SELECT ?org WHERE {{
  ?post a org:Post ; org:heldBy ?p ; org:postIn ?o ; org:role ?r .
  ?p org:holds ?post ; rdfs:label \"周明\"@zh .
  ?r a org:Role ; rdfs:label \"区长\"@zh .
  ?o rdfs:label ?org .
}}"
        ),
    );
    assert_eq!(rows.len(), 1);
    // (the article names no 区政府: the post stands in the district)
    assert_eq!(rows[0]["org"], "山城区");
    // a head title of a body also makes a head
    let heads = select(
        &store,
        &format!("{PREFIXES}SELECT ?o WHERE {{ ?p rdfs:label \"杨振华\"@zh ; gx:leads ?o ; org:headOf ?o }}"),
    );
    assert!(!heads.is_empty());
}

#[test]
fn places_carry_codes_and_lie_in_their_parents_up_to_the_province() {
    let dir = tempdir();
    let store = dir.path().join("store");
    build(&store, &[&demo().join("03-shancheng-command.txt")]);
    let rows = select(
        &store,
        &format!(
            "{PREFIXES}SELECT ?code ?province WHERE {{
  ?v rdfs:label \"罗庄村\"@zh ; gx:divisionCode ?code ; schema:containedInPlace+ ?p .
  ?p gx:divisionCode \"41\" ; rdfs:label ?province .
}}"
        ),
    );
    assert_eq!(rows.len(), 1, "{rows:?}");
    // the 罗庄村 of 石林镇 (山城区), not the one of 浚县
    assert!(rows[0]["code"].starts_with("410603100"), "{rows:?}");
    assert_eq!(rows[0]["province"], "河南省");
}
