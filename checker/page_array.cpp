#include "checker/page_array.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <new>
#include <utility>

namespace slush::checker {

namespace {
constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kPage = 4096;
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14
#endif
}  // namespace

std::size_t Pages::mapped(std::size_t size) {
  return size >= kHugePage ? (size + kHugePage - 1) / kHugePage * kHugePage : size;
}

Pages::Pages(std::size_t size) : size_(size) {
  if (size == 0) return;
  void* p = mmap(nullptr, bytes(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  madvise(p, bytes(), MADV_HUGEPAGE);  // advice only
  p_ = p;
}

Pages& Pages::operator=(Pages&& o) noexcept {
  std::swap(p_, o.p_);
  std::swap(size_, o.size_);
  return *this;
}

void Pages::resize(std::size_t size) {
  if (!p_) {
    *this = Pages(size);
    return;
  }
  if (size == 0) {
    *this = Pages();
    return;
  }
  // The kernel moves the pages (no copy) and maps fresh zero pages for the tail: growing costs
  // page faults for the added part only, when it is first written.
  void* p = mremap(p_, bytes(), mapped(size), MREMAP_MAYMOVE);
  if (p == MAP_FAILED) throw std::bad_alloc();
  p_ = p;
  size_ = size;
  madvise(p_, bytes(), MADV_HUGEPAGE);
}

void Pages::populate(std::size_t from, std::size_t to) const {
  to = std::min(to, bytes());
  from = from / kPage * kPage;
  if (!p_ || from >= to) return;
  madvise(static_cast<char*>(p_) + from, to - from, MADV_POPULATE_WRITE);  // advice only
}

Pages::~Pages() {
  if (p_) munmap(p_, bytes());
}

}  // namespace slush::checker
