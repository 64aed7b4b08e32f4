#pragma once

namespace pw {

// Makes every later openStore() of a PostgreSQL location take its password from the
// keychain entry `pwctl login` stored for that location (see core/store/storepassword.h).
// When there is no such entry, no keychain runs or it does not answer in time, the
// provider gives nothing, so libpq falls back to PGPASSWORD and ~/.pgpass. Needs a
// QCoreApplication; the provider waits for the keychain on the thread that opens the store.
void installKeychainPasswordProvider();

} // namespace pw
