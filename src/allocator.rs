//! How the program's memory allocator is set up, once, at the start of `main` (the
//! benches call it too, to measure what the program does).

/// glibc keeps small freed blocks in "fast bins" and now and then merges all of them at
/// once (`malloc_consolidate`): with the millions of values a whole-sheet undo frees,
/// single slices of it took 150–250 ms of CPU. Without fast bins, blocks are merged as they
/// are freed (small blocks still go through each thread's cache first). Other platforms'
/// allocators are left as they are.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn tune() {
    // SAFETY: mallopt sets one allocator parameter and touches no memory of ours; it is
    // called before the program starts any thread.
    unsafe {
        libc::mallopt(libc::M_MXFAST, 0);
    }
}

/// See the Linux version: nothing to set elsewhere.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune() {}
