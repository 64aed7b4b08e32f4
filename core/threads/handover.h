#pragma once

// Marks, for ThreadSanitizer, where data passes from one thread to another. Debian's Qt is not
// built with ThreadSanitizer, so the locks inside Qt that order a hand-over (the posted-event
// queue, the thread pool's queue) are invisible to it, and every hand-over would look like a
// race. The thread that gives calls handOver() after its last write to the data and before
// passing it on; the thread that takes calls takeOver() before its first read. Without
// ThreadSanitizer both do nothing.

#if defined(__SANITIZE_THREAD__)
#define PIPEWRIGHT_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PIPEWRIGHT_THREAD_SANITIZER 1
#endif
#endif

#ifdef PIPEWRIGHT_THREAD_SANITIZER
#include <sanitizer/tsan_interface.h>
#endif

namespace pw {

inline void handOver(const void *token)
{
#ifdef PIPEWRIGHT_THREAD_SANITIZER
    __tsan_release(const_cast<void *>(token));
#else
    (void)token;
#endif
}

inline void takeOver(const void *token)
{
#ifdef PIPEWRIGHT_THREAD_SANITIZER
    __tsan_acquire(const_cast<void *>(token));
#else
    (void)token;
#endif
}

} // namespace pw
