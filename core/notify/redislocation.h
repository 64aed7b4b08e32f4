#pragma once

#include "core/util/result.h"

#include <QString>

namespace pw {

// Where the Redis server that carries notifications is: redis://host[:port][/db].
struct RedisLocation
{
    QString host;
    quint16 port = 6379;
    int database = 0;
    // Sent with AUTH after connecting when not empty. Never part of the URL: it comes from
    // $PIPEWRIGHT_REDIS_PASSWORD so that it does not show in process lists and logs.
    QString password;

    // redis://host:port/db, for messages: never shows the password.
    QString display() const;
};

// The environment variables pwctl and the app read the location and password from.
inline constexpr char redisLocationVariable[] = "PIPEWRIGHT_REDIS";
inline constexpr char redisPasswordVariable[] = "PIPEWRIGHT_REDIS_PASSWORD";

// Parses redis://host[:port][/db] (IPv6 hosts in brackets) and takes the password from
// $PIPEWRIGHT_REDIS_PASSWORD. Refuses a password or user in the URL, other schemes, ports
// outside 1..65535, databases that are not a number, and anything after the database.
Result<RedisLocation> parseRedisLocation(const QString &text);

} // namespace pw
