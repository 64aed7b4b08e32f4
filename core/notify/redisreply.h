#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct redisReply;

namespace pw {

// One reply of Redis, copied out of hiredis's reply so that it outlives the callback that
// delivered it. An error is either the server's (a "-ERR ..." reply) or the connection's
// (not connected, lost, timed out): the second kind is worth retrying, the first is not.
struct RedisReply
{
    enum class Type { Nil, String, Integer, Array, Error };

    Type type = Type::Nil;
    QByteArray text; // a string, a status ("OK") or an error's message
    qint64 integer = 0;
    QList<RedisReply> elements;
    bool connectionError = false; // an error from the connection, not the server

    bool isError() const { return type == Type::Error; }
    bool isNil() const { return type == Type::Nil; }
    bool isString() const { return type == Type::String; }
    bool isArray() const { return type == Type::Array; }
    QString errorMessage() const { return QString::fromUtf8(text); }

    static RedisReply error(const QString &message, bool fromConnection);

    // A copy of hiredis's reply; nesting deeper than `maxDepth` becomes an error.
    static RedisReply fromHiredis(const redisReply *reply, int maxDepth = 8);
};

} // namespace pw
