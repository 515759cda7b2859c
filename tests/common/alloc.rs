//! A counting global allocator for the hostile suite (`tests/hostile.rs` installs it): it wraps
//! `System` and keeps, per thread, the bytes live and their high-water mark, so a case's peak is
//! measured while other tests run on other threads (libtest runs each test on a thread of its
//! own; fazhi's analysis spawns none). Natively and on wasm32 alike (there `System` is dlmalloc
//! and there is one thread).
//!
//! It counts bytes requested, not pages the OS hands out (RSS) nor wasm memory grown: allocator
//! overhead and fragmentation come on top. Thread-locals are const-initialized `Cell`s reached
//! with `try_with`: no allocation, no destructor, nothing that could recurse into the allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

pub struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn add(n: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + n;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is passed on to `System` unchanged; the counting touches no memory it returns.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        add(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// A measurement on this thread: [`Meter::start`] resets the peak to the bytes live now;
/// [`Meter::peak`] is the most bytes live at once since then, above that starting point.
pub struct Meter {
    base: isize,
}

impl Meter {
    pub fn start() -> Meter {
        let base = LIVE.with(Cell::get);
        PEAK.with(|p| p.set(base));
        Meter { base }
    }

    pub fn peak(&self) -> usize {
        (PEAK.with(Cell::get) - self.base).max(0) as usize
    }
}
