#include "currentuser.h"

#include <pwd.h>
#include <unistd.h>

namespace pw {

QString currentUser()
{
    // The password database, not $USER: the environment can claim to be anyone.
    if (const passwd *entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER");
}

} // namespace pw
