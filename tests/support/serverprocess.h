#pragma once

#include "core/util/result.h"

#include <QString>

#include <sys/types.h>

class QProcess;

namespace pw::test {

// Who a throwaway server runs as. Servers that refuse to run as root (PostgreSQL) run as
// their system account when the tests run as root, and as the current user otherwise.
struct ServerAccount
{
    bool switchUser = false; // true: the programs run as `name`
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;

    // `systemUser` when this process is root, else the current user. Fails when root and
    // `systemUser` does not exist.
    static Result<ServerAccount> forServer(const QString &systemUser);

    // Makes `path` (a file or folder) belong to the account, so that its programs can
    // write there. Nothing to do when the account is the current user.
    Status own(const QString &path) const;
};

// Makes the program `process` will start run as `account`, and receive `deathSignal` as
// soon as the thread starting it ends, so that a crashed or killed test leaves no server
// behind. The signal reaches the program itself: no wrapper such as runuser sits between.
void runAsServer(QProcess &process, const ServerAccount &account, int deathSignal);

} // namespace pw::test
