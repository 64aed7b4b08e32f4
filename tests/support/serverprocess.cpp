#include "serverprocess.h"

#include <QFile>
#include <QProcess>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

namespace pw::test {

namespace {

// Only async-signal-safe calls from here on: the child of a threaded program runs this
// between fork and exec.
void fail(const char *what)
{
    const char prefix[] = "pipewright test server: cannot ";
    [[maybe_unused]] ssize_t written = ::write(STDERR_FILENO, prefix, sizeof prefix - 1);
    written = ::write(STDERR_FILENO, what, __builtin_strlen(what));
    written = ::write(STDERR_FILENO, "\n", 1);
    ::_exit(127);
}

void becomeServer(const ServerAccount &account, int deathSignal, pid_t parent)
{
    if (account.switchUser) {
        if (::setgroups(1, &account.gid) != 0 || ::setgid(account.gid) != 0)
            fail("switch to the server's group");
        if (::setuid(account.uid) != 0)
            fail("switch to the server's user");
    }

    // Set after the switch: changing the user clears the death signal.
    if (::prctl(PR_SET_PDEATHSIG, deathSignal) != 0)
        fail("ask to be stopped with the test");
    // The test may already have died between fork and prctl.
    if (::getppid() != parent)
        fail("start: the test that started it has ended");
}

} // namespace

Result<ServerAccount> ServerAccount::forServer(const QString &systemUser)
{
    ServerAccount account;
    account.uid = ::geteuid();
    account.gid = ::getegid();
    if (account.uid != 0) {
        const passwd *self = ::getpwuid(account.uid);
        account.name = self ? QString::fromLocal8Bit(self->pw_name) : QString::number(account.uid);
        return account;
    }

    const QByteArray name = systemUser.toLocal8Bit();
    passwd entry{};
    passwd *found = nullptr;
    std::vector<char> buffer(16384);
    if (::getpwnam_r(name.constData(), &entry, buffer.data(), buffer.size(), &found) != 0
        || !found) {
        return Error{QStringLiteral("the tests run as root, so the server must run as the "
                                    "user \"%1\", but there is no such user")
                         .arg(systemUser)};
    }
    account.switchUser = true;
    account.name = systemUser;
    account.uid = found->pw_uid;
    account.gid = found->pw_gid;
    return account;
}

Status ServerAccount::own(const QString &path) const
{
    if (!switchUser)
        return {};
    if (::chown(QFile::encodeName(path).constData(), uid, gid) != 0) {
        return Error{QStringLiteral("cannot give %1 to the user \"%2\": %3")
                         .arg(path, name, QString::fromLocal8Bit(::strerror(errno)))};
    }
    return {};
}

void runAsServer(QProcess &process, const ServerAccount &account, int deathSignal)
{
    const pid_t parent = ::getpid();
    process.setChildProcessModifier(
        [account, deathSignal, parent] { becomeServer(account, deathSignal, parent); });
}

} // namespace pw::test
