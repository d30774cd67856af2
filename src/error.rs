//! The core's only failures: budgets, and a snapshot whose shape breaks the arena's invariants.
//! Every pass is total over a valid snapshot within budget.

use crate::snapshot::NodeId;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The snapshot has more nodes than [`crate::Config::max_nodes`].
    TooManyNodes { found: usize, max: usize },
    /// The snapshot nests deeper than [`crate::Config::max_depth`].
    TooDeep { found: u32, max: u32 },
    /// A builder was given nodes out of document order.
    Malformed { node: NodeId, why: &'static str },
}

impl Error {
    /// The message (what `Display` writes), built without `core::fmt` for the wasm.
    pub fn message(&self) -> String {
        use crate::text::cat;
        match self {
            Error::TooManyNodes { found, max } => cat!("page too large: ", found, " nodes, the limit is ", max),
            Error::TooDeep { found, max } => cat!("page nested too deeply: ", found, " levels, the limit is ", max),
            Error::Malformed { node, why } => cat!("malformed snapshot at node ", node, ": ", why),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}
