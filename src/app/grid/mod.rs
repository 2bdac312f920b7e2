//! The sheet on screen: its state between frames (`state`), where things are (`geometry`),
//! drawing (`draw`, `header`, `row_numbers`), the keyboard (`focus`, `keys`), editing in
//! place (`editor`, `dropdown`), the clipboard and the grid's words.

pub mod access;
pub mod clipboard;
pub mod draw;
pub mod dropdown;
pub mod editor;
pub mod focus;
pub mod geometry;
pub mod header;
pub mod keys;
pub mod row_numbers;
pub mod state;
pub mod words;
