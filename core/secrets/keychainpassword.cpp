#include "keychainpassword.h"

#include "core/store/storepassword.h"
#include "keychainsecretstore.h"
#include "secretslog.h"

#include <QCoreApplication>

namespace pw {

namespace {

std::optional<QString> passwordFromKeychain(const StoreLocation &location)
{
    // Waiting needs an event loop, which needs an application object.
    if (location.kind != StoreLocation::Kind::Postgres || !QCoreApplication::instance())
        return std::nullopt;

    KeychainSecretStore keychain;
    const KeychainSecretStore::PasswordLookup password =
        getStorePasswordBlocking(keychain, location);
    if (!password.ok()) {
        // Expected on a machine without a keychain, so not a warning: libpq's own message
        // follows if its fallbacks find nothing either.
        qCInfo(lcSecrets).noquote() << "no password from the keychain for" << location.display()
                                    << "-" << password.error().message;
        return std::nullopt;
    }
    return *password;
}

} // namespace

void installKeychainPasswordProvider()
{
    setStorePasswordProvider(passwordFromKeychain);
}

} // namespace pw
