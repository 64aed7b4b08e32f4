#pragma once

#include "core/util/result.h"
#include "storelocation.h"

namespace pw {

// Connects to the PostgreSQL store at `location` with `password` and disconnects again:
// fails with the server's reason (wrong password, no such database, unreachable host) so
// that a password is only kept once it is known to work. Blocks for up to the location's
// connect_timeout, or 10 s; call it off the GUI thread.
Status checkStoreLogin(const StoreLocation &location, const QString &password);

} // namespace pw
