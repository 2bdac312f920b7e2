//! Work shared out over scoped threads.

/// A scoped thread's result; a panic in it goes on in the thread that waited for it, as if
/// the work had run there.
pub(crate) fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
}
