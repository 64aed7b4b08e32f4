#pragma once

#include "storelocation.h"

#include <QString>

#include <functional>
#include <optional>

namespace pw {

// Gives the password for a PostgreSQL store, or nothing to let libpq find one itself
// (PGPASSWORD, ~/.pgpass). Called on the thread that opens the store.
using StorePasswordProvider = std::function<std::optional<QString>(const StoreLocation &)>;

// Installs the provider every later openStore() asks; an empty function removes it.
// Passwords never come from the location string, which ends up in settings and logs: this is
// where a keyring or a prompt plugs in.
void setStorePasswordProvider(StorePasswordProvider provider);

// The password the installed provider gives for `location`, if any.
std::optional<QString> storePassword(const StoreLocation &location);

} // namespace pw
