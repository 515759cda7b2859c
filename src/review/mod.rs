//! Stage 3, review: what a reader checks in a structured report — figures ([`facts`]), the key
//! indicators they report ([`indicators`]), documents cited ([`citations`]), problems to fix
//! ([`lints`]) and the scorecard ([`score`]).

pub mod citations;
pub mod facts;
pub mod indicators;
pub mod lints;
pub mod score;
