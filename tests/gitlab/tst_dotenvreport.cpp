// The dotenv report reader: what GitLab accepts, and the message for what it refuses.

#include "core/files/dotenvreport.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::files;
using namespace pw::test;

namespace {

QString variablesText(const Variables &variables)
{
    QStringList parts;
    for (const Variable &variable : variables) {
        parts.append(QStringLiteral("%1=[%2]%3")
                         .arg(variable.name, variable.value,
                              variable.expand ? QString() : QStringLiteral(" raw")));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

class tst_DotenvReport : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void limits_data();
    void limits();
    void readsAFileWithoutReadingPastTheLimit();
};

void tst_DotenvReport::accepted_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one variable per line, the last line ending or not")
        << QByteArray("A=1\nB_2=two\n_C=3") << "A=[1] raw, B_2=[two] raw, _C=[3] raw";
    QTest::newRow("an empty report has no variables") << QByteArray() << "";
    QTest::newRow("blanks around the name and the value are dropped, also a CR")
        << QByteArray("  A =  spaced value \r\nB=x\r\n") << "A=[spaced value] raw, B=[x] raw";
    QTest::newRow("the first '=' splits, later ones belong to the value")
        << QByteArray("URL=https://x.test/?a=b") << "URL=[https://x.test/?a=b] raw";
    QTest::newRow("quotes and dollars are kept as written")
        << QByteArray("Q=\"quoted\"\nS='single'\nD=$HOME/${X}")
        << "Q=[\"quoted\"] raw, "
           "S=['single'] raw, "
           "D=[$HOME/${X}] raw";
    QTest::newRow("an empty value is a value") << QByteArray("EMPTY=") << "EMPTY=[] raw";
    QTest::newRow("a name given twice keeps its last value, at its first place")
        << QByteArray("A=1\nB=2\nA=3\n") << "A=[3] raw, B=[2] raw";
    QTest::newRow("a name may start with a digit, as GitLab allows")
        << QByteArray("1ST=x") << "1ST=[x] raw";
    QTest::newRow("UTF-8 values are kept")
        << QByteArray("GREETING=grüß dich") << QStringLiteral("GREETING=[grüß dich] raw");
}

void tst_DotenvReport::accepted()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);

    const Result<Variables> variables = parseDotenv(text, QStringLiteral("build.env"));
    QVERIFY2(variables.ok(), variables.ok() ? "" : qPrintable(variables.error().message));
    QCOMPARE(variablesText(*variables), expected);
}

void tst_DotenvReport::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("a line without '=' names its line")
        << QByteArray("A=1\nexport B\n") << "build.env:2: 'export B' is not NAME=VALUE";
    QTest::newRow("an empty line between variables")
        << QByteArray("A=1\n\nB=2\n")
        << "build.env:2: the line is empty; a dotenv report has no empty lines";
    QTest::newRow("an empty line at the end, after the last line break")
        << QByteArray("A=1\n\n")
        << "build.env:2: the line is empty; a dotenv report has no empty lines";
    QTest::newRow("a comment") << QByteArray("# built by ci\nA=1\n")
                               << "build.env:1: a dotenv report has no comments";
    QTest::newRow("a name with a space")
        << QByteArray("A=1\nB=2\nMY VAR=3\n")
        << "build.env:3: 'MY VAR' is not a variable name: names have only ASCII letters, "
           "digits and '_'";
    QTest::newRow("a name with a dash")
        << QByteArray("MY-VAR=3")
        << "build.env:1: 'MY-VAR' is not a variable name: names have only ASCII letters, "
           "digits and '_'";
    QTest::newRow("a name with a letter outside ASCII")
        << QByteArray("GRÜSS=1")
        << QStringLiteral("build.env:1: 'GRÜSS' is not a variable name: names have only ASCII "
                          "letters, digits and '_'");
    QTest::newRow("an empty name")
        << QByteArray("A=1\n=2") << "build.env:2: the name before '=' is empty";
    QTest::newRow("an export prefix makes the name invalid")
        << QByteArray("export A=1")
        << "build.env:1: 'export A' is not a variable name: names have only ASCII letters, "
           "digits and '_'";
    QTest::newRow("a long bad line is shown cut short")
        << QByteArray("this line has no equals sign and goes on for quite a while\n")
        << "build.env:1: 'this line has no equals sign and goes on...' is not NAME=VALUE";
    QTest::newRow("a NUL byte") << QByteArray("A=1\nB=x\0y\n", 10)
                                << "build.env:2: the line has a NUL byte";
    QTest::newRow("text that is not UTF-8")
        << QByteArray("A=\xff\xfe\n") << "build.env: the report is not UTF-8 text";
}

void tst_DotenvReport::refused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);

    const Result<Variables> variables = parseDotenv(text, QStringLiteral("build.env"));
    QVERIFY2(!variables.ok(), qPrintable(variablesText(variables.ok() ? *variables : Variables())));
    QCOMPARE(variables.error().message, message);
}

void tst_DotenvReport::limits_data()
{
    QTest::addColumn<int>("variables");
    QTest::addColumn<int>("padding");
    QTest::addColumn<QString>("message");

    QTest::newRow("as many variables as the limit are accepted") << 150 << 0 << "";
    QTest::newRow("one variable more than the limit names the line where it is passed")
        << 151 << 0 << "r.env:151: more than 150 variables; a dotenv report may have at most 150";
    QTest::newRow("a name repeated does not count twice") << -160 << 0 << "";
    QTest::newRow("a report larger than 5 KiB")
        << 1 << 5200 << "r.env: the report has 5210 bytes; a dotenv report may have at most 5120";
}

void tst_DotenvReport::limits()
{
    QFETCH(int, variables);
    QFETCH(int, padding);
    QFETCH(QString, message);

    // A negative count writes that many lines that all set the same name.
    QByteArray text;
    for (int i = 0; i < std::abs(variables); ++i)
        text += (variables < 0 ? QByteArray("SAME") : "V" + QByteArray::number(i)) + "=1\n";
    if (padding > 0)
        text = "PAD=" + QByteArray(padding, 'x') + "\n" + text;

    const Result<Variables> parsed = parseDotenv(text, QStringLiteral("r.env"));
    QCOMPARE(parsed.ok() ? QString() : parsed.error().message, message);
}

void tst_DotenvReport::readsAFileWithoutReadingPastTheLimit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString small = dir.filePath(QStringLiteral("small.env"));
    const QString large = dir.filePath(QStringLiteral("large.env"));
    QFile file(small);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("A=1\n");
    file.close();
    file.setFileName(large);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(1 << 20, 'x'));
    file.close();

    const Result<Variables> read = readDotenvFile(small, QStringLiteral("small.env"));
    QVERIFY(read.ok());
    QCOMPARE(variablesText(*read), QStringLiteral("A=[1] raw"));
    const Result<Variables> refused = readDotenvFile(large, QStringLiteral("large.env"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message,
             QStringLiteral("large.env: the report has 1048576 bytes; a dotenv report may have at "
                            "most 5120"));
    const Result<Variables> missing =
        readDotenvFile(dir.filePath(QStringLiteral("none.env")), QStringLiteral("none.env"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.startsWith(QStringLiteral("none.env: cannot read the report")),
             qPrintable(missing.error().message));
}

QTEST_GUILESS_MAIN(tst_DotenvReport)
#include "tst_dotenvreport.moc"
