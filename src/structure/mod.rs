//! Stage 2, structure: what the blocks are in a report — the heading tree ([`outline`]), the
//! title, issuers, recipients, year and 落款 ([`meta`], with [`divisions`] for the level of a
//! place) and which headings are the five mandated parts ([`classify`]).

pub mod classify;
pub mod divisions;
pub mod meta;
pub mod outline;
