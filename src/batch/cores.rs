//! Work on every core (natively; one item after another in wasm): the reports of a batch are
//! independent until they are compared, so reading, analyzing and preparing them to compare
//! is spread over the machine's threads, each result kept at its item's place.

/// `f` of each item, in the items' order, computed on every core of the machine (one after
/// another in wasm, which has no threads here, and for a single item).
pub fn map_on_cores<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = if cfg!(target_arch = "wasm32") {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    };
    let threads = cores.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    // Items are taken one at a time from a shared counter (reports differ in size), each
    // result put back at its index; this thread works too, so nothing waits on a thread the
    // system would not give.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return out;
            };
            out.push((i, f(item)));
        }
    };
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| {
                // The main thread's stack size (a spawned thread's default is 2 MB).
                std::thread::Builder::new()
                    .stack_size(8 << 20)
                    .spawn_scoped(s, work)
                    .ok()
            })
            .collect();
        let mut done = work();
        for h in helpers {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    });
    done.sort_unstable_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_on_cores_comes_back_in_order() {
        // Uneven work: the first items are the longest, so later ones finish first elsewhere.
        let f = |&i: &u64| (0..(2_000 - i) * 100).fold(i, |a, x| a.wrapping_mul(31) ^ x);
        let items: Vec<u64> = (0..2_000).collect();
        let want: Vec<u64> = items.iter().map(f).collect();
        assert_eq!(map_on_cores(&items, f), want);
        assert_eq!(map_on_cores(&items[..1], f), want[..1]);
        assert!(map_on_cores(&items[..0], f).is_empty());
    }
}
