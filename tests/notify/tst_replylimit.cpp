#include "core/notify/redisreply.h"
#include "core/notify/replylimit.h"

#include <QTest>

#include <hiredis/hiredis.h>

using namespace pw;

namespace {

QByteArray integers(int count)
{
    return QByteArray(":1\r\n").repeated(count);
}

QByteArray arrayOf(int count)
{
    return "*" + QByteArray::number(count) + "\r\n" + integers(count);
}

// Reads `input` through a limited reader: the replies it gave until the first error, and
// that error ("" when there was none).
struct Reading
{
    QList<RedisReply> replies;
    QString error;
    QString refusal;
};

Reading read(const QByteArray &input)
{
    RedisReplyLimit limit;
    redisReader *reader = redisReaderCreate();
    limit.install(reader);
    Reading reading;
    if (redisReaderFeed(reader, input.constData(), size_t(input.size())) != REDIS_OK)
        reading.error = QString::fromLatin1(reader->errstr);
    while (reading.error.isEmpty()) {
        void *raw = nullptr;
        if (redisReaderGetReply(reader, &raw) != REDIS_OK) {
            reading.error = QString::fromLatin1(reader->errstr);
            break;
        }
        if (!raw)
            break;
        reading.replies.append(RedisReply::fromHiredis(static_cast<redisReply *>(raw)));
        freeReplyObject(raw);
    }
    reading.refusal = limit.refusal();
    redisReaderFree(reader);
    return reading;
}

} // namespace

class ReplyLimitTest : public QObject
{
    Q_OBJECT

private slots:
    void readsRepliesAsHiredisBuildsThem()
    {
        const Reading reading = read("+OK\r\n*3\r\n$5\r\nhello\r\n:7\r\n*1\r\n$-1\r\n-ERR no\r\n");

        QCOMPARE(reading.error, QString());
        QCOMPARE(reading.replies.size(), 3);
        QCOMPARE(reading.replies[0].text, QByteArray("OK"));
        const RedisReply &array = reading.replies[1];
        QVERIFY(array.isArray());
        QCOMPARE(array.elements.size(), 3);
        QCOMPARE(array.elements[0].text, QByteArray("hello"));
        QCOMPARE(array.elements[1].integer, 7);
        QVERIFY(array.elements[2].elements.constFirst().isNil());
        QVERIFY(reading.replies[2].isError());
    }

    void acceptsAnArrayAtTheLimit()
    {
        const Reading reading = read(arrayOf(int(RedisReplyLimit::maxElements)));

        QCOMPARE(reading.error, QString());
        QCOMPARE(reading.replies.size(), 1);
        QCOMPARE(reading.replies[0].elements.size(), RedisReplyLimit::maxElements);
        QCOMPARE(reading.refusal, QString());
    }

    void refusesALongArrayBeforeItsElementsCome()
    {
        // Only the header arrives: without the limit hiredis would reserve 3.5 GB for it.
        const Reading reading = read("*444444440\r\n");

        QVERIFY(reading.replies.isEmpty());
        QVERIFY(!reading.error.isEmpty());
        QCOMPARE(reading.refusal,
                 QStringLiteral("it sent a reply of 444444440 elements, more than the 1000000 "
                                "accepted"));
    }

    void countsTheNestedArraysOfOneReplyTogether()
    {
        // Each inner header is cheap to send and costly to hold: together they are refused.
        const QByteArray reply = "*2\r\n" + arrayOf(600000) + "*600000\r\n";

        const Reading reading = read(reply);

        QVERIFY(reading.replies.isEmpty());
        QCOMPARE(reading.refusal,
                 QStringLiteral("it sent a reply of 1200002 elements, more than the 1000000 "
                                "accepted"));
    }

    void countsEachReplyOnItsOwn()
    {
        const Reading reading = read(arrayOf(600000) + arrayOf(600000));

        QCOMPARE(reading.error, QString());
        QCOMPARE(reading.replies.size(), 2);
    }
};

QTEST_GUILESS_MAIN(ReplyLimitTest)
#include "tst_replylimit.moc"
