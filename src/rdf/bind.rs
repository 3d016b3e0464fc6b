//! `--bind VAR=VALUE`: values given for a query's variables before it is evaluated.
//!
//! A bound variable becomes inline data (`VALUES ?var { value }`) joined at the start of the
//! query's pattern, beneath its filters: the join starts from the given value (a lookup by name
//! uses the label index), and a variable used only in a filter — the window of
//! `FILTER(!BOUND(?from) || ?day >= ?from)` — is seen by that filter. A variable the query never
//! mentions is an error, not a silent no-op.

use crate::error::StoreError;
use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, Term};
use spargebra::algebra::GraphPattern;
use spargebra::term::{GroundTerm, Variable};
use spargebra::{Query, SparqlParser};

/// The term a `--bind` value stands for: `<iri>` an IRI, `2020-02-01` an `xsd:date`, a whole
/// number an `xsd:integer`, anything else a Chinese-tagged literal (as labels are).
pub fn term_of(value: &str) -> Result<Term, StoreError> {
    if let Some(iri) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        return oxigraph::model::NamedNode::new(iri)
            .map(Term::from)
            .map_err(|e| StoreError::Iri {
                iri: iri.to_owned(),
                reason: e.to_string(),
            });
    }
    let b = value.as_bytes();
    let is_date = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if is_date {
        return Ok(Literal::new_typed_literal(value, xsd::DATE).into());
    }
    if !value.is_empty() && value.len() <= 18 && value.bytes().all(|c| c.is_ascii_digit()) {
        return Ok(Literal::new_typed_literal(value, xsd::INTEGER).into());
    }
    Ok(Literal::new_language_tagged_literal_unchecked(value, "zh").into())
}

/// Does the query text name `?var` (or `$var`) as a whole variable?
fn mentions_variable(query: &str, var: &str) -> bool {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    ['?', '$'].iter().any(|sigil| {
        let needle = format!("{sigil}{var}");
        query
            .match_indices(&needle)
            .any(|(i, _)| !query[i + needle.len()..].chars().next().is_some_and(is_name))
    })
}

/// Put `values` beneath the filters, extensions, orderings and projections that top a pattern,
/// and beneath a grouping by the bound variables (fixing a group key fixes the rows grouped), so
/// that an aggregate by entity starts from the entity.
fn inject(pattern: GraphPattern, values: GraphPattern) -> GraphPattern {
    let bound: Vec<Variable> = match &values {
        GraphPattern::Values { variables, .. } => variables.clone(),
        _ => Vec::new(),
    };
    match pattern {
        GraphPattern::Group {
            inner,
            variables,
            aggregates,
        } if bound.iter().all(|v| variables.contains(v)) => GraphPattern::Group {
            inner: Box::new(inject(*inner, values)),
            variables,
            aggregates,
        },
        GraphPattern::Project { inner, variables } => GraphPattern::Project {
            inner: Box::new(inject(*inner, values)),
            variables,
        },
        GraphPattern::Distinct { inner } => GraphPattern::Distinct {
            inner: Box::new(inject(*inner, values)),
        },
        GraphPattern::Reduced { inner } => GraphPattern::Reduced {
            inner: Box::new(inject(*inner, values)),
        },
        GraphPattern::Slice { inner, start, length } => GraphPattern::Slice {
            inner: Box::new(inject(*inner, values)),
            start,
            length,
        },
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
            inner: Box::new(inject(*inner, values)),
            expression,
        },
        GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
            expr,
            inner: Box::new(inject(*inner, values)),
        },
        GraphPattern::Extend {
            inner,
            variable,
            expression,
        } => GraphPattern::Extend {
            inner: Box::new(inject(*inner, values)),
            variable,
            expression,
        },
        other => GraphPattern::Join {
            left: Box::new(values),
            right: Box::new(other),
        },
    }
}

/// Parse `query` and bind `bindings` in it.
pub fn bind(query: &str, bindings: &[(&str, Term)]) -> Result<Query, StoreError> {
    let parsed = SparqlParser::new().parse_query(query).map_err(StoreError::Syntax)?;
    if bindings.is_empty() {
        return Ok(parsed);
    }
    let mut variables = Vec::new();
    let mut row = Vec::new();
    for (var, term) in bindings {
        let v = Variable::new(*var).map_err(|e| StoreError::Bind {
            var: (*var).to_owned(),
            reason: e.to_string(),
        })?;
        if !mentions_variable(query, var) {
            return Err(StoreError::Bind {
                var: (*var).to_owned(),
                reason: "the query has no such variable".into(),
            });
        }
        let ground = match term {
            Term::NamedNode(n) => GroundTerm::NamedNode(n.clone()),
            Term::Literal(l) => GroundTerm::Literal(l.clone()),
            other => {
                return Err(StoreError::Bind {
                    var: (*var).to_owned(),
                    reason: format!("{other} cannot be bound"),
                });
            }
        };
        variables.push(v);
        row.push(Some(ground));
    }
    let values = GraphPattern::Values {
        variables,
        bindings: vec![row],
    };
    Ok(match parsed {
        Query::Select {
            dataset,
            pattern,
            base_iri,
        } => Query::Select {
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
        Query::Construct {
            template,
            dataset,
            pattern,
            base_iri,
        } => Query::Construct {
            template,
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
        Query::Describe {
            dataset,
            pattern,
            base_iri,
        } => Query::Describe {
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
        Query::Ask {
            dataset,
            pattern,
            base_iri,
        } => Query::Ask {
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_as_their_kind_of_term() {
        let cases: &[(&str, &str)] = &[
            ("<http://example.org/a>", "<http://example.org/a>"),
            ("2020-02-01", "\"2020-02-01\"^^<http://www.w3.org/2001/XMLSchema#date>"),
            ("42", "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
            ("马富国", "\"马富国\"@zh"),
            ("2020-2-1", "\"2020-2-1\"@zh"),
        ];
        for (value, want) in cases {
            assert_eq!(term_of(value).expect(value).to_string(), *want, "{value}");
        }
        assert!(term_of("<not an iri>").is_err());
    }

    #[test]
    fn a_variable_is_found_as_a_whole_name() {
        let q = "SELECT ?name WHERE { ?x ?p ?name FILTER(!BOUND($from)) }";
        assert!(mentions_variable(q, "name"));
        assert!(mentions_variable(q, "from"));
        assert!(!mentions_variable(q, "nam"));
        assert!(!mentions_variable(q, "to"));
    }

    #[test]
    fn bound_values_sit_beneath_the_filters() {
        let q = "SELECT ?s WHERE { ?s ?p ?o FILTER(?o >= ?from) } ORDER BY ?s";
        let bound = bind(q, &[("from", term_of("2020-02-01").expect("date"))]).expect("bind");
        let text = bound.to_string();
        let values = text.find("VALUES").expect("inline data");
        let filter = text.find("FILTER").expect("filter");
        assert!(values < filter, "{text}");
        assert!(matches!(
            bind(q, &[("until", term_of("1").expect("int"))]),
            Err(StoreError::Bind { .. })
        ));
    }

    #[test]
    fn a_bound_group_key_is_fixed_before_grouping_an_aggregate_is_not() {
        let q = "SELECT ?name (COUNT(?o) AS ?n) WHERE { ?e <http://x/label> ?name ; <http://x/p> ?o } GROUP BY ?name";
        // the group key: the values go inside the grouping, where the join can start from them
        let text = bind(q, &[("name", term_of("马富国").expect("lit"))])
            .expect("bind")
            .to_string();
        let (values, group) = (
            text.find("VALUES").expect("values"),
            text.find("GROUP BY").expect("group"),
        );
        assert!(values < group, "{text}");
        // an aggregate's result is not a key: the values stay outside the grouping
        let text = bind(q, &[("n", term_of("3").expect("int"))]).expect("bind").to_string();
        let grouped = &text[text.find("{SELECT").expect("the grouping")..];
        assert!(!grouped.contains("VALUES"), "{text}");
    }
}
