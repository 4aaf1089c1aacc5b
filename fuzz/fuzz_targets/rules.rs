//! Rules files: the input, read as UTF-8 (lossily), is loaded as a rules
//! TOML file. When it loads, the sample county (`data/sample`, imported
//! once) is scored with it, self-checked and exported, and the rules must
//! survive their own export: `to_toml` loads back to the same rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use openness_core::rules::Rules;
use openness_core_fuzz::{sample_county, score_and_check};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(loaded) = Rules::try_from_toml(&text) else {
        return;
    };
    let rules = loaded.rules;
    let exported = rules.to_toml();
    let back = Rules::try_from_toml(&exported)
        .unwrap_or_else(|e| panic!("exported rules do not load: {e}\n{exported}"));
    assert_eq!(back.rules, rules, "rules change through their own export");
    score_and_check(sample_county(), &rules, data.len() % 16 == 0);
});
