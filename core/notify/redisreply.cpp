#include "redisreply.h"

#include <hiredis/hiredis.h>

namespace pw {

RedisReply RedisReply::error(const QString &message, bool fromConnection)
{
    RedisReply reply;
    reply.type = Type::Error;
    reply.text = message.toUtf8();
    reply.connectionError = fromConnection;
    return reply;
}

RedisReply RedisReply::fromHiredis(const redisReply *reply, int maxDepth)
{
    RedisReply copy;
    if (!reply)
        return copy;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        copy.type = Type::String;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        copy.type = Type::Error;
        copy.text = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        copy.type = Type::Integer;
        copy.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        if (maxDepth <= 0)
            return error(QStringLiteral("a Redis reply is nested too deeply"), false);
        copy.type = Type::Array;
        copy.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            copy.elements.append(fromHiredis(reply->element[i], maxDepth - 1));
        break;
    default:
        break; // nil
    }
    return copy;
}

} // namespace pw
