//! Pasted text: `fazhi::analyze` on any string, and the same bytes read as a text file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = fazhi::analyze(text, "fuzz");
    }
    let _ = fazhi::analyze_bytes(data, "fuzz.txt");
});
