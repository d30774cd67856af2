//! The wasm's allocator: power-of-two size classes, one free list each, memory from
//! `memory.grow`. About 1 KB of code where the standard library's dlmalloc is ~8 KB.
//!
//! A request of `size` bytes and `align` alignment takes a block of the class
//! `max(size, align, 8).next_power_of_two()`; `dealloc` pushes the block on its class's free list
//! and the next request of that class pops it (LIFO), so a long-lived instance that analyses page
//! after page reuses its memory: each class holds at most as many blocks as were ever live in it
//! at once. Blocks are never split or merged after they are made, so memory can be up to twice
//! what is asked for (the rounding) and a block freed in one class does not serve another; the
//! wasm's linear memory never shrinks anyway.
//!
//! New blocks are cut from the end of the heap, each aligned to its size (to 64 KiB from
//! 64 KiB up): the gap that aligning skips is cut into the largest aligned blocks that fit and put
//! on their free lists, so nothing is lost. Alignment above 64 KiB is refused (null).
//!
//! Single-threaded only (wasm32 without the atomics feature): no locking.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr;

/// wasm's page, the unit `memory.grow` works in.
pub const PAGE: usize = 65536;
/// Smallest block: room for the free-list link.
const MIN_BLOCK: usize = 8;
/// One class per power of two a `usize` can hold.
const CLASSES: usize = usize::BITS as usize;

/// Where new memory comes from.
pub trait Memory {
    /// Adds `pages` pages; returns the address where they start, or `None` when out of memory.
    fn grow(&self, pages: usize) -> Option<usize>;
}

/// The allocator over a [`Memory`].
pub struct Heap<M: Memory> {
    mem: M,
    state: UnsafeCell<State>,
}

struct State {
    /// Head of each class's free list (0: empty); each free block starts with the next's address.
    free: [usize; CLASSES],
    /// The unused end of the heap: `bump..end`.
    bump: usize,
    end: usize,
}

// SAFETY: the state is only touched through `&self` methods on one thread: the wasm build has no
// threads (no atomics), and the native tests use each heap from one thread.
unsafe impl<M: Memory> Sync for Heap<M> {}

/// The class (log2 of the block size) of a request, or `None` when the block would not fit a
/// `usize` or needs more than page alignment.
fn class(layout: Layout) -> Option<usize> {
    if layout.align() > PAGE {
        return None;
    }
    let size = layout.size().max(layout.align()).max(MIN_BLOCK).checked_next_power_of_two()?;
    Some(size.trailing_zeros() as usize)
}

impl<M: Memory> Heap<M> {
    pub const fn new(mem: M) -> Self {
        Heap { mem, state: UnsafeCell::new(State { free: [0; CLASSES], bump: 0, end: 0 }) }
    }

    /// Puts `start..end` (8-aligned) on the free lists as the largest aligned blocks that fit.
    ///
    /// # Safety
    /// The range must be heap memory that nothing uses.
    unsafe fn release(s: &mut State, mut start: usize, end: usize) {
        while start + MIN_BLOCK <= end {
            // The largest power of two that `start` is aligned to (capped at a page), that fits.
            let mut block = (start & start.wrapping_neg()).min(PAGE);
            if block == 0 {
                block = PAGE;
            }
            while block > end - start {
                block >>= 1;
            }
            let k = block.trailing_zeros() as usize;
            // SAFETY: `start..start + block` is unused heap memory, aligned to 8.
            unsafe { ptr::write(start as *mut usize, s.free[k]) };
            s.free[k] = start;
            start += block;
        }
    }

    /// A new block of `1 << k` bytes from the end of the heap (growing it), or null.
    ///
    /// # Safety
    /// Called from `alloc` only.
    unsafe fn carve(&self, s: &mut State, k: usize) -> *mut u8 {
        let block = 1usize << k;
        let align = block.min(PAGE);
        loop {
            let Some(at) = s.bump.checked_add(align - 1).map(|a| a & !(align - 1)) else { return ptr::null_mut() };
            let Some(stop) = at.checked_add(block) else { return ptr::null_mut() };
            if stop <= s.end {
                // SAFETY: `bump..at` is unused heap memory.
                unsafe { Self::release(s, s.bump, at) };
                s.bump = stop;
                return at as *mut u8;
            }
            let pages = (stop - s.end).div_ceil(PAGE);
            let Some(start) = self.mem.grow(pages) else { return ptr::null_mut() };
            if start != s.end {
                // Not contiguous with the heap so far: keep what was left of it, go on from there.
                // SAFETY: `bump..end` is unused heap memory.
                unsafe { Self::release(s, s.bump, s.end) };
                s.bump = start;
            }
            s.end = start + pages * PAGE;
        }
    }
}

// SAFETY: every block handed out is `1 << class` bytes, aligned to at least the layout's align,
// and is either cut from memory no block has used or popped from its class's free list, where
// only `dealloc` puts blocks that were handed out and are no longer used.
unsafe impl<M: Memory> GlobalAlloc for Heap<M> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class(layout) else { return ptr::null_mut() };
        // SAFETY: single-threaded (see the `Sync` impl), and not re-entered: nothing here allocates.
        let s = unsafe { &mut *self.state.get() };
        let head = s.free[k];
        if head != 0 {
            // SAFETY: a free block starts with the address of the next one.
            s.free[k] = unsafe { ptr::read(head as *const usize) };
            return head as *mut u8;
        }
        // SAFETY: called from `alloc`.
        unsafe { self.carve(s, k) }
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        let Some(k) = class(layout) else { return };
        // SAFETY: as in `alloc`; `p` is a block of class `k` that is no longer used.
        unsafe {
            let s = &mut *self.state.get();
            ptr::write(p as *mut usize, s.free[k]);
            s.free[k] = p as usize;
        }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `GlobalAlloc::realloc`'s contract makes this layout valid.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(layout) == class(new_layout) {
            return p;
        }
        // SAFETY: as in the default `realloc`: a new block, the old contents, the old block freed.
        unsafe {
            let q = self.alloc(new_layout);
            if !q.is_null() {
                ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                self.dealloc(p, layout);
            }
            q
        }
    }
}

/// The wasm's linear memory (memory 0).
#[cfg(target_arch = "wasm32")]
pub struct Wasm;

#[cfg(target_arch = "wasm32")]
impl Memory for Wasm {
    fn grow(&self, pages: usize) -> Option<usize> {
        let before = core::arch::wasm32::memory_grow(0, pages);
        if before == usize::MAX { None } else { Some(before * PAGE) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A fixed arena of `pages` pages, handed out front to back; `gap` pages skipped before each
    /// grow (non-contiguous memory).
    struct Arena {
        base: usize,
        used: Cell<usize>,
        pages: usize,
        gap: usize,
        grows: Cell<usize>,
        _mem: Vec<u8>,
    }

    impl Arena {
        fn new(pages: usize, gap: usize) -> Self {
            let mem = vec![0u8; (pages + 1) * PAGE];
            let base = (mem.as_ptr() as usize).next_multiple_of(PAGE);
            Arena { base, used: Cell::new(0), pages, gap, grows: Cell::new(0), _mem: mem }
        }
    }

    impl Memory for Arena {
        fn grow(&self, pages: usize) -> Option<usize> {
            let at = self.used.get() + self.gap;
            if at + pages > self.pages {
                return None;
            }
            self.used.set(at + pages);
            self.grows.set(self.grows.get() + 1);
            Some(self.base + at * PAGE)
        }
    }

    /// Random allocations, frees and reallocs; checks alignment, bounds, and that no live block
    /// overlaps another (each is filled with its own byte and checked when freed).
    fn churn(heap: &Heap<Arena>, seed: u64, rounds: usize) {
        let mut x = seed;
        let mut rnd = move |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        let check = |p: *mut u8, l: Layout, tag: u8| {
            let s = unsafe { std::slice::from_raw_parts(p, l.size()) };
            assert!(s.iter().all(|&b| b == tag), "block {p:?} ({} bytes) was overwritten", l.size());
        };
        for round in 0..rounds {
            let tag = (round % 251) as u8 + 1;
            match rnd(10) {
                0..=3 => {
                    let size = match rnd(4) {
                        0 => rnd(16) + 1,
                        1 => rnd(300) + 1,
                        2 => rnd(5000) + 1,
                        _ => rnd(200_000) + 1,
                    };
                    let align = 1 << rnd(7);
                    let l = Layout::from_size_align(size, align).expect("layout");
                    let p = unsafe { heap.alloc(l) };
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "alignment");
                    let a = heap.mem.base;
                    assert!(p as usize >= a && p as usize + size <= a + heap.mem.pages * PAGE, "in the arena");
                    unsafe { ptr::write_bytes(p, tag, size) };
                    live.push((p, l, tag));
                }
                4..=7 if !live.is_empty() => {
                    let (p, l, t) = live.swap_remove(rnd(live.len()));
                    check(p, l, t);
                    unsafe { heap.dealloc(p, l) };
                }
                _ if !live.is_empty() => {
                    let i = rnd(live.len());
                    let (p, l, t) = live[i];
                    check(p, l, t);
                    let new_size = rnd(l.size() * 3) + 1;
                    let q = unsafe { heap.realloc(p, l, new_size) };
                    assert!(!q.is_null());
                    assert_eq!(q as usize % l.align(), 0);
                    let kept = unsafe { std::slice::from_raw_parts(q, l.size().min(new_size)) };
                    assert!(kept.iter().all(|&b| b == t), "realloc kept the contents");
                    unsafe { ptr::write_bytes(q, tag, new_size) };
                    live[i] = (q, Layout::from_size_align(new_size, l.align()).expect("layout"), tag);
                }
                _ => {}
            }
        }
        for (p, l, t) in live {
            check(p, l, t);
            unsafe { heap.dealloc(p, l) };
        }
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_reused() {
        for gap in [0, 3] {
            let heap = Heap::new(Arena::new(2048, gap));
            churn(&heap, 0x9E37_79B9_7F4A_7C15, 20_000);
            // Everything was freed: the same work again needs little or no new memory.
            let used = heap.mem.used.get();
            churn(&heap, 0x9E37_79B9_7F4A_7C15, 20_000);
            assert!(heap.mem.used.get() <= used + used / 4, "reused: {used} pages, then {}", heap.mem.used.get());
        }
    }

    #[test]
    fn exact_reuse_and_classes() {
        let heap = Heap::new(Arena::new(64, 0));
        let l = Layout::from_size_align(100, 4).expect("layout");
        let p = unsafe { heap.alloc(l) };
        unsafe { heap.dealloc(p, l) };
        // Same class (65..=128 bytes): the same block comes back.
        let q = unsafe { heap.alloc(Layout::from_size_align(128, 8).expect("layout")) };
        assert_eq!(p, q);
        // Growing within the class keeps the block.
        let r = unsafe { heap.realloc(q, Layout::from_size_align(128, 8).expect("layout"), 120) };
        assert_eq!(r, q);
        // Zero-sized and over-aligned requests.
        let z = unsafe { heap.alloc(Layout::from_size_align(0, 1).expect("layout")) };
        assert!(!z.is_null());
        let big_align = Layout::from_size_align(8, 2 * PAGE).expect("layout");
        assert!(unsafe { heap.alloc(big_align) }.is_null());
        let page_aligned = unsafe { heap.alloc(Layout::from_size_align(10, PAGE).expect("layout")) };
        assert_eq!(page_aligned as usize % PAGE, 0);
    }

    #[test]
    fn out_of_memory_is_null() {
        let heap = Heap::new(Arena::new(4, 0));
        let l = Layout::from_size_align(5 * PAGE, 8).expect("layout");
        assert!(unsafe { heap.alloc(l) }.is_null());
        let small = Layout::from_size_align(1000, 8).expect("layout");
        assert!(!unsafe { heap.alloc(small) }.is_null(), "a failed grow leaves the heap usable");
        assert_eq!(heap.mem.grows.get(), 1);
    }
}
