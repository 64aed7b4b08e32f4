#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QString>

namespace pw::gui {

// Where the app keeps its history, how it hears of other workstations and how many jobs it
// runs at once, as the user set them in the settings dialog. Never a password: the store's
// comes from the keychain and Redis's from $PIPEWRIGHT_REDIS_PASSWORD.
struct ConnectionSettings
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionSettings)

public:
    // More would only queue in the operating system's scheduler.
    static constexpr int maxWorkers = 256;

    QString store;   // empty: $PIPEWRIGHT_DB or the file in the user's data folder
    QString redis;   // empty: $PIPEWRIGHT_REDIS, or no notifications
    int workers = 0; // jobs that run at once; 0: one per processor core

    static ConnectionSettings load();
    void save() const;

    // Fails naming the field that cannot be read, and why.
    Status check() const;
    // What the app uses: the settings, else the environment, else the defaults.
    QString effectiveStore() const;
    QString effectiveRedis() const;
    int effectiveWorkers() const;
};

} // namespace pw::gui
