// libFuzzer entry point for what a Redis server (or anyone who can write to the stream) sends
// a follower: the bytes are read as Redis protocol replies by hiredis's reader, with the
// connection's limit on a reply's size, and copied the way the follower copies them; every
// string found is parsed as a pipeline event, and the whole input is parsed as one event too;
// whatever parses is described as the app shows it.

#include "core/notify/eventtext.h"
#include "core/notify/pipelineevent.h"
#include "core/notify/redisreply.h"
#include "core/notify/replylimit.h"

#include <cstddef>
#include <cstdint>
#include <hiredis/hiredis.h>

namespace {

// Replies read from one input; more would only repeat the work.
constexpr int maxReplies = 64;

void parseAndDescribe(const QByteArray &text)
{
    const pw::Result<QJsonObject> event = pw::parseEvent(text);
    if (event.ok())
        (void)pw::describeEvent(*event);
}

void walk(const pw::RedisReply &reply)
{
    if (reply.isString())
        parseAndDescribe(reply.text);
    for (const pw::RedisReply &element : reply.elements)
        walk(element);
}

void readReplies(const uint8_t *data, size_t size)
{
    redisReader *reader = redisReaderCreate();
    if (!reader)
        return;
    pw::RedisReplyLimit limit; // as the follower's connection reads
    limit.install(reader);
    if (redisReaderFeed(reader, reinterpret_cast<const char *>(data), size) == REDIS_OK) {
        for (int count = 0; count < maxReplies; ++count) {
            void *raw = nullptr;
            if (redisReaderGetReply(reader, &raw) != REDIS_OK || !raw)
                break;
            walk(pw::RedisReply::fromHiredis(static_cast<redisReply *>(raw)));
            freeReplyObject(raw);
        }
    }
    redisReaderFree(reader);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parseAndDescribe(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    readReplies(data, size);
    return 0;
}
