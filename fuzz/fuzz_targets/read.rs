//! One reader, through `fazhi::analyze_bytes`: the targets docx, doc, pdf, ofd and html are this
//! same program, each started from its own format's fixtures (`make fuzz` copies them), so that
//! the mutations stay mostly inside that reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = fazhi::analyze_bytes(data, "fuzz");
});
