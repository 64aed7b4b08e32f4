#pragma once

#include <QString>

#include <hiredis/read.h>

namespace pw {

// Keeps hiredis's protocol reader from reserving memory that a reply has not paid for.
// hiredis 0.14 (Debian 12's) reserves room for all of an array's elements as soon as it has
// read the array's length, before any element arrives: the twelve bytes "*444444440\r\n"
// alone would cost 3.5 GB, and nested arrays multiply that. With the limit installed, the
// arrays of one reply may together hold at most `maxElements` elements; a reply that asks
// for more is an error of the reader, which ends the connection.
class RedisReplyLimit
{
public:
    static constexpr long long maxElements = 1000000;

    RedisReplyLimit() = default;
    RedisReplyLimit(const RedisReplyLimit &) = delete;
    RedisReplyLimit &operator=(const RedisReplyLimit &) = delete;

    // Makes `reader` build its replies through this limit, which must outlive the reader.
    void install(redisReader *reader);

    // Why the reader refused a reply, in words for the user; empty while none was refused.
    const QString &refusal() const { return m_refusal; }

private:
    static void *createArray(const redisReadTask *task, int elements);

    redisReplyObjectFunctions m_functions{};
    decltype(redisReplyObjectFunctions::createArray) m_defaultCreateArray = nullptr;
    long long m_elements = 0; // in the arrays of the reply being read
    QString m_refusal;
};

} // namespace pw
