//! The only keyword and pattern tables: multilingual, weak hints only. (Stub.)
