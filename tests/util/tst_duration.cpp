#include "core/util/duration.h"

#include <QTest>

using namespace pw;

class DurationTest : public QObject
{
    Q_OBJECT

private slots:
    void readsDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");

        QTest::newRow("seconds as a bare number") << "3600" << qint64(3600000);
        QTest::newRow("parts with units") << "1h30m" << qint64(5400000);
        QTest::newRow("fractions and spaces") << " 1.5 s " << qint64(1500);
        QTest::newRow("the longest accepted") << "1000000000000" << qint64(1000000000000000);
    }

    void readsDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);

        const Result<Milliseconds> duration = parseDuration(text);

        QVERIFY2(duration.ok(), qPrintable(duration.ok() ? QString() : duration.error().message));
        QCOMPARE(duration->count(), ms);
    }

    void refusesWhatCannotBeADuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");

        // The first overflowed a 64-bit count of milliseconds before it was refused.
        QTest::newRow("a bare number beyond the limit")
            << "946995616795328510"
            << "duration \"946995616795328510\" is too long";
        QTest::newRow("one huge part") << "99999999999999999999w"
                                       << "duration \"99999999999999999999w\" is too long";
        const QString manyParts = QStringLiteral("999999999999s").repeated(20);
        QTest::newRow("many parts that add up")
            << manyParts << QStringLiteral("duration \"%1\" is too long").arg(manyParts);
        QTest::newRow("a unit nobody uses")
            << "3 fortnights"
            << "unknown time unit \"fortnights\" in \"3 fortnights\"; use ms, "
               "s, m, h, d or w";
        QTest::newRow("no number") << "soon"
                                   << "expected a duration such as \"90s\", \"10m\", \"2h\" or "
                                      "\"1h30m\", got \"soon\"";
    }

    void refusesWhatCannotBeADuration()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);

        const Result<Milliseconds> duration = parseDuration(text);

        QVERIFY(!duration.ok());
        QCOMPARE(duration.error().message, message);
    }
};

QTEST_GUILESS_MAIN(DurationTest)
#include "tst_duration.moc"
