#include "core/secrets/secretmasker.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace pw;

class TestSecretMasker : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void masksEveryOccurrence_data();
    void masksEveryOccurrence();
    void leavesOutputWithoutSecretsAlone();
    void agreesWithSimpleReplacement();
    void masksLargeOutputQuickly();
};

void TestSecretMasker::masksEveryOccurrence_data()
{
    QTest::addColumn<QList<QByteArray>>("values");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a value in the middle of a line is hidden")
        << QList<QByteArray>{"s3cr3t"} << QByteArray("token=s3cr3t ok\n")
        << QByteArray("token=**** ok\n");
    QTest::newRow("a value at the start and at the end of lines is hidden")
        << QList<QByteArray>{"s3cr3t"} << QByteArray("s3cr3t first\nlast s3cr3t\ns3cr3t")
        << QByteArray("**** first\nlast ****\n****");
    QTest::newRow("every occurrence on a line is hidden")
        << QList<QByteArray>{"abc"} << QByteArray("abc-abc abc\n")
        << QByteArray("****-**** ****\n");
    QTest::newRow("a value inside a longer value hides the longer one whole")
        << QList<QByteArray>{"pass", "password123"} << QByteArray("x password123 y pass\n")
        << QByteArray("x **** y ****\n");
    QTest::newRow("the same holds when the shorter value is given last")
        << QList<QByteArray>{"password123", "pass"} << QByteArray("password123pass\n")
        << QByteArray("****\n");
    QTest::newRow("overlapping values hide all the bytes they cover")
        << QList<QByteArray>{"abcd", "cdef"} << QByteArray("<abcdef>\n") << QByteArray("<****>\n");
    QTest::newRow("overlapping occurrences of one value become one mask")
        << QList<QByteArray>{"aa"} << QByteArray("xaaay\n") << QByteArray("x****y\n");
    QTest::newRow("a value that ends where a longer one is almost complete is found")
        << QList<QByteArray>{"abcx", "bcd"} << QByteArray("abcd\n") << QByteArray("a****\n");
    QTest::newRow("a multi-line value is hidden line by line")
        << QList<QByteArray>{"-----BEGIN KEY-----\nMIIEvQIBADAN\n-----END KEY-----\n"}
        << QByteArray("-----BEGIN KEY-----\nMIIEvQIBADAN\n-----END KEY-----\nnext\n")
        << QByteArray("****\n****\n****\nnext\n");
    QTest::newRow("one line of a multi-line value is hidden where it appears alone")
        << QList<QByteArray>{"first line\r\nsecond line"} << QByteArray("echo second line\r\n")
        << QByteArray("echo ****\r\n");
    QTest::newRow("blank lines of a multi-line value are not masked")
        << QList<QByteArray>{"top\n\n   \nbottom"} << QByteArray("a   b\n\ntop\n")
        << QByteArray("a   b\n\n****\n");
    QTest::newRow("binary bytes are matched exactly")
        << QList<QByteArray>{QByteArray("\x00\xff\x80zz", 5)}
        << QByteArray("a\x00\xff\x80zz\x00\xff\x80z\n", 11)
        << QByteArray("a****\x00\xff\x80z\n", 10);
    QTest::newRow("empty values are ignored")
        << QList<QByteArray>{"", "k"} << QByteArray("kick\n") << QByteArray("****ic****\n");
    QTest::newRow("a value that is a substring of another is hidden on its own too")
        << QList<QByteArray>{"hunter2", "hunter"} << QByteArray("hunter hunter2 hunter22\n")
        << QByteArray("**** **** ****2\n");
    QTest::newRow("case differs, so nothing is hidden")
        << QList<QByteArray>{"Token"} << QByteArray("token TOKEN\n") << QByteArray("token TOKEN\n");
}

void TestSecretMasker::masksEveryOccurrence()
{
    QFETCH(QList<QByteArray>, values);
    QFETCH(QByteArray, output);
    QFETCH(QByteArray, expected);

    QCOMPARE(SecretMasker(values).mask(output), expected);
}

void TestSecretMasker::leavesOutputWithoutSecretsAlone()
{
    const QByteArray output("nothing to hide here\n");

    QVERIFY(SecretMasker().isEmpty());
    QVERIFY(SecretMasker(QList<QByteArray>{"", "\n", " \n\t"}).isEmpty());
    QCOMPARE(SecretMasker().mask(output), output);
    QCOMPARE(SecretMasker(QList<QByteArray>{"xyz"}).mask(output), output);
    QCOMPARE(SecretMasker(SecretValues{{"TOKEN", "hide"}}).mask(output),
             QByteArray("nothing to **** here\n"));
}

namespace {

// Masks by marking every byte any value covers, the slow and obvious way.
QByteArray maskSimply(const QList<QByteArray> &values, const QByteArray &output)
{
    std::vector<bool> hidden(output.size(), false);
    for (const QByteArray &value : values) {
        for (qsizetype at = output.indexOf(value); at >= 0; at = output.indexOf(value, at + 1))
            std::fill(hidden.begin() + at, hidden.begin() + at + value.size(), true);
    }
    QByteArray masked;
    for (qsizetype i = 0; i < output.size(); ++i) {
        if (!hidden[i])
            masked.append(output[i]);
        else if (i == 0 || !hidden[i - 1])
            masked.append("****");
    }
    return masked;
}

QByteArray randomText(QRandomGenerator &random, qsizetype size, char first, int letters)
{
    QByteArray text(size, Qt::Uninitialized);
    for (char &c : text)
        c = char(first + random.bounded(letters));
    return text;
}

} // namespace

void TestSecretMasker::agreesWithSimpleReplacement()
{
    // A small alphabet makes values overlap and nest often.
    QRandomGenerator random(42);
    for (int round = 0; round < 500; ++round) {
        QList<QByteArray> values;
        for (int v = 0, count = 1 + random.bounded(5); v < count; ++v)
            values.append(randomText(random, 1 + random.bounded(5), 'a', 3));
        const QByteArray output = randomText(random, random.bounded(200), 'a', 4);

        const QByteArray masked = SecretMasker(values).mask(output);
        const QByteArray expected = maskSimply(values, output);
        if (masked != expected) {
            qInfo() << "values" << values << "output" << output;
            QCOMPARE(masked, expected);
        }
    }
}

void TestSecretMasker::masksLargeOutputQuickly()
{
    // 100 MB of log lines with 20 secrets of realistic length, some of them in the output.
    QRandomGenerator random(7);
    QList<QByteArray> secrets;
    for (int i = 0; i < 20; ++i)
        secrets.append(randomText(random, 24 + random.bounded(40), '0', 75));

    QByteArray chunk;
    while (chunk.size() < 1024 * 1024) {
        chunk += randomText(random, 60, ' ', 95);
        if (random.bounded(50) == 0)
            chunk += secrets.at(random.bounded(secrets.size()));
        chunk += '\n';
    }
    const SecretMasker masker(secrets);
    const QByteArray expected = maskSimply(secrets, chunk);

    QElapsedTimer timer;
    timer.start();
    qsizetype total = 0;
    for (int i = 0; i < 100; ++i) {
        const QByteArray masked = masker.mask(chunk);
        total += chunk.size();
        if (i == 0)
            QCOMPARE(masked, expected);
    }
    const qint64 elapsed = qMax<qint64>(1, timer.elapsed());
    qInfo("masked %lld MB with 20 secrets in %lld ms (%lld MB/s)", total / (1024 * 1024), elapsed,
          total / 1024 * 1000 / 1024 / elapsed);
    // Generous for a debug build on a busy machine; an optimised build is about ten times
    // faster. One scan per secret per byte would take far longer.
    QVERIFY2(elapsed < 20000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
}

QTEST_GUILESS_MAIN(TestSecretMasker)
#include "tst_secretmasker.moc"
