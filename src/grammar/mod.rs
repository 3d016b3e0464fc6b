//! Grammar shared by the later stages: constructions of Chinese news text that Recognise and Relate
//! both read — enumerations ([`coordination`]).

pub mod coordination;
