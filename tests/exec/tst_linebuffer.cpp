#include "core/exec/linebuffer.h"
#include "testsupport.h"

using namespace pw;

class tst_LineBuffer : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void takesOnlyWholeLines_data()
    {
        QTest::addColumn<QByteArrayList>("pieces");
        QTest::addColumn<QByteArray>("lines");
        QTest::addColumn<int>("count");
        QTest::addColumn<QByteArray>("rest");

        QTest::newRow("nothing yet") << QByteArrayList{} << QByteArray() << 0 << QByteArray();
        QTest::newRow("a partial line stays")
            << QByteArrayList{"abc"} << QByteArray() << 0 << QByteArray("abc");
        QTest::newRow("a line split over two reads is joined")
            << QByteArrayList{"ab", "c\nde"} << QByteArray("abc\n") << 1 << QByteArray("de");
        QTest::newRow("several lines at once")
            << QByteArrayList{"a\nb\nc\n"} << QByteArray("a\nb\nc\n") << 3 << QByteArray();
        QTest::newRow("empty lines count")
            << QByteArrayList{"\n\n"} << QByteArray("\n\n") << 2 << QByteArray();
    }

    void takesOnlyWholeLines()
    {
        QFETCH(QByteArrayList, pieces);
        QFETCH(QByteArray, lines);
        QFETCH(int, count);
        QFETCH(QByteArray, rest);

        LineBuffer buffer;
        for (const QByteArray &piece : pieces)
            buffer.append(piece);
        int taken = -1;
        QCOMPARE(buffer.takeLines(&taken), lines);
        QCOMPARE(taken, count);
        int restCount = -1;
        QCOMPARE(buffer.takeAll(&restCount), rest);
        QCOMPARE(restCount, rest.isEmpty() ? 0 : 1);
        QCOMPARE(buffer.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_LineBuffer)
#include "tst_linebuffer.moc"
