// Memory straight from the system's page allocator, for the stores of states.
//
// Written by hand because a store's growth is where a search would otherwise copy or touch
// everything it holds: a mapping grows in place (mremap moves pages, not bytes), and its added
// pages are zero and cost nothing until first written. Huge pages are asked for (a store is
// probed at random, so TLB misses would cost as much as cache misses); without them it still
// works.
#pragma once

#include <cstddef>
#include <cstdint>

namespace slush::checker {

/// A zeroed mapping of at least `size()` bytes that grows in place where the kernel can.
class Pages {
 public:
  Pages() = default;
  explicit Pages(std::size_t size);
  Pages(Pages&& o) noexcept : p_(o.p_), size_(o.size_) { o.p_ = nullptr, o.size_ = 0; }
  Pages& operator=(Pages&& o) noexcept;
  Pages(const Pages&) = delete;
  Pages& operator=(const Pages&) = delete;
  ~Pages();

  /// Grows (or shrinks) to `size` bytes; bytes added are zero. Throws std::bad_alloc.
  void resize(std::size_t size);
  /// Faults in the pages of bytes [from, to) (clipped to the mapping) as a first write would,
  /// without writing: their contents stay as they are, so other threads may write to them
  /// meanwhile. Advice only: where the kernel cannot, the first writes fault them in.
  void populate(std::size_t from, std::size_t to) const;
  void* data() const { return p_; }
  std::size_t size() const { return size_; }
  /// Bytes mapped: size() rounded up to whole huge pages once it spans one.
  std::size_t bytes() const { return mapped(size_); }
  static std::size_t mapped(std::size_t size);

 private:
  void* p_ = nullptr;
  std::size_t size_ = 0;
};

/// `Pages` holding values of a trivial type T.
template <class T>
class PageArray {
 public:
  PageArray() = default;
  explicit PageArray(std::size_t n) : pages_(n * sizeof(T)) {}
  void resize(std::size_t n) { pages_.resize(n * sizeof(T)); }
  T* data() const { return static_cast<T*>(pages_.data()); }
  std::size_t size() const { return pages_.size() / sizeof(T); }
  std::size_t bytes() const { return pages_.bytes(); }
  /// Pages::populate, in bytes.
  void populate(std::size_t from, std::size_t to) const { pages_.populate(from, to); }

 private:
  Pages pages_;
};

}  // namespace slush::checker
