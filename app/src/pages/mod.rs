//! One file per page.

pub mod annual;
pub mod charts;
pub mod data;
pub mod present;
pub mod ranking;
pub mod rules;
pub mod selfcheck;
pub mod slides;
