#pragma once

#include "core/store/storelocation.h"
#include "secretstore.h"

namespace pw {

// Secrets in the operating system's keychain (the Secret Service on Linux, through
// QtKeychain), under the service "pipewright": a secret NAME is the entry "secret/NAME", the
// password of a PostgreSQL store the entry "postgresql/<location without password>".
//
// The keychain cannot list its entries, so the names of the stored secrets (never their
// values) are kept in one more entry, "index/secret-names", one name a line. Two processes
// that add secrets at the same moment may lose one name from that index; the secret itself
// is kept, and setting it again lists it.
//
// Before each operation the store checks that a secret service runs on the D-Bus session
// bus and fails at once when none does; no operation waits longer than the timeout, so a
// locked keyring that would prompt gives a message instead of a wait. Operations under way
// do not need the store object: it may go before they answer.
class KeychainSecretStore : public SecretStore
{
public:
    struct Options
    {
        QString service = QStringLiteral("pipewright");
        // For each keychain operation.
        int timeoutMs = 5000;
    };

    KeychainSecretStore();
    explicit KeychainSecretStore(const Options &options);

    SecretSource source() const override { return SecretSource::Keychain; }

    void get(const QString &name, QObject *context, LookupDone done) override;
    void set(const QString &name, const QByteArray &value, QObject *context,
             StatusDone done) override;
    void remove(const QString &name, QObject *context, StatusDone done) override;
    void list(QObject *context, ListDone done) override;

    using PasswordLookup = Result<std::optional<QString>>;
    using PasswordDone = std::function<void(const PasswordLookup &)>;

    // The password `pwctl login` stored for a PostgreSQL `location`, in the same manner.
    void getStorePassword(const StoreLocation &location, QObject *context, PasswordDone done);
    void setStorePassword(const StoreLocation &location, const QString &password, QObject *context,
                          StatusDone done);
    // Succeeds also when there was none.
    void removeStorePassword(const StoreLocation &location, QObject *context, StatusDone done);

    static QString secretKey(const QString &name);
    static QString storePasswordKey(const StoreLocation &location);
    static QString indexKey();

    const Options &options() const { return m_options; }

private:
    Options m_options;
};

// Blocking forms of the store password operations (see secretstore.h).
KeychainSecretStore::PasswordLookup getStorePasswordBlocking(KeychainSecretStore &store,
                                                             const StoreLocation &location,
                                                             int timeoutMs = defaultSecretWaitMs);
Status setStorePasswordBlocking(KeychainSecretStore &store, const StoreLocation &location,
                                const QString &password, int timeoutMs = defaultSecretWaitMs);
Status removeStorePasswordBlocking(KeychainSecretStore &store, const StoreLocation &location,
                                   int timeoutMs = defaultSecretWaitMs);

} // namespace pw
