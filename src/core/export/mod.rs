//! Export formats. Each submodule documents its wire format.

pub mod sorot_json;
