#pragma once

#include "core/util/result.h"

#include <QString>

namespace pw::gui {

// Where the app keeps its history and hears of other workstations, as the user set them in
// the settings dialog. Never a password: the store's comes from the keychain (pwctl login)
// and Redis's from $PIPEWRIGHT_REDIS_PASSWORD.
struct ConnectionSettings
{
    QString store; // empty: $PIPEWRIGHT_DB or the file in the user's data folder
    QString redis; // empty: $PIPEWRIGHT_REDIS, or no notifications

    static ConnectionSettings load();
    void save() const;

    // Fails naming the field that cannot be read, and why.
    Status check() const;
    // What the app uses: the settings, else the environment, else the defaults.
    QString effectiveStore() const;
    QString effectiveRedis() const;
};

} // namespace pw::gui
