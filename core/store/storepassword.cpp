#include "storepassword.h"

#include <QMutex>
#include <QMutexLocker>

namespace pw {

namespace {

// Stores are opened on several threads (one per thread), so the provider is guarded.
QMutex providerMutex;
StorePasswordProvider installedProvider;

} // namespace

void setStorePasswordProvider(StorePasswordProvider provider)
{
    const QMutexLocker lock(&providerMutex);
    installedProvider = std::move(provider);
}

std::optional<QString> storePassword(const StoreLocation &location)
{
    StorePasswordProvider provider;
    {
        const QMutexLocker lock(&providerMutex);
        provider = installedProvider;
    }

    // Called without the lock: a provider may take its time (a prompt) or open a store itself.
    if (!provider)
        return std::nullopt;
    return provider(location);
}

} // namespace pw
