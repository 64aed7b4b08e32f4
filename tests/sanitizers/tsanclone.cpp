// Linked into every program of a ThreadSanitizer build (see the top-level CMakeLists.txt).
//
// Qt 6.4 starts a child process with clone(CLONE_VM | CLONE_VFORK): until it calls exec, the
// child runs in the parent's memory, and the sanitizer's interceptors it passes through leave
// the parent thread's sanitizer state changed for good. From the first QProcess on, that thread
// is invisible to ThreadSanitizer, and a run finds nothing for the wrong reason. This clone()
// turns such a call into a fork() the sanitizer knows, and waits for the child's exec the way
// CLONE_VFORK would. Every other clone goes to the C library unchanged.

#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <dlfcn.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

using CloneFunction = int (*)(int (*)(void *), void *, int, void *, ...);

// Waits until the child has called exec (or exited): the pipe's end it holds is close-on-exec.
void waitForExec(int readEnd)
{
    char byte = 0;
    while (read(readEnd, &byte, 1) < 0 && errno == EINTR) {
    }
    close(readEnd);
}

} // namespace

extern "C" int clone(int (*function)(void *), void *stack, int flags, void *argument, ...)
{
    va_list rest;
    va_start(rest, argument);
    pid_t *parentTid = va_arg(rest, pid_t *);
    void *tls = va_arg(rest, void *);
    pid_t *childTid = va_arg(rest, pid_t *);
    va_end(rest);

    if ((flags & (CLONE_VM | CLONE_VFORK)) != (CLONE_VM | CLONE_VFORK)) {
        static const auto next = reinterpret_cast<CloneFunction>(dlsym(RTLD_NEXT, "clone"));
        return next(function, stack, flags, argument, parentTid, tls, childTid);
    }

    int started[2];
    if (pipe2(started, O_CLOEXEC) != 0)
        return -1;
    const pid_t child = fork();
    if (child == 0) {
        close(started[0]);
        _exit(function(argument));
    }
    close(started[1]);
    if (child < 0) {
        close(started[0]);
        return -1;
    }
    waitForExec(started[0]);
    if (flags & CLONE_PIDFD)
        *reinterpret_cast<int *>(parentTid) = int(syscall(SYS_pidfd_open, child, 0));
    return child;
}
