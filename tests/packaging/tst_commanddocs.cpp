// The manual page and the bash completion against `pwctl --help`: a command or an option
// added to pwctl but missing from either fails here.
#include "program.h"
#include "testsupport.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace pw::test;

namespace {

QString pwctl()
{
    return QStringLiteral(PIPEWRIGHT_PWCTL);
}

QString packagingFile(const QString &name)
{
    return sourceDir() + QStringLiteral("/packaging/") + name;
}

// The commands `pwctl --help` lists, in its order.
QStringList pwctlCommands()
{
    const ProgramResult help = runProgram(pwctl(), {QStringLiteral("--help")});
    const QString text = QString::fromUtf8(help.out);
    const QString list =
        text.section(QStringLiteral("Commands:\n"), 1).section(QStringLiteral("\n\n"), 0, 0);
    QStringList commands;
    static const QRegularExpression entry(QStringLiteral("^  ([a-z][a-z-]*) "),
                                          QRegularExpression::MultilineOption);
    for (const QRegularExpressionMatch &match : entry.globalMatch(list))
        commands.append(match.captured(1));
    return commands;
}

// The long options in the option column of `pwctl COMMAND --help`.
QSet<QString> longOptions(const QString &command)
{
    const ProgramResult help = runProgram(pwctl(), {command, QStringLiteral("--help")});
    static const QRegularExpression option(QStringLiteral("^ +(?:-[a-zA-Z], )?(--[a-z][a-z-]*)"),
                                           QRegularExpression::MultilineOption);
    QSet<QString> options;
    for (const QRegularExpressionMatch &match : option.globalMatch(QString::fromUtf8(help.out)))
        options.insert(match.captured(1));
    return options;
}

// The man page's command sections (`.SS "pwctl NAME ...`), by name, with roff's escaped
// hyphens read as hyphens.
QMap<QString, QString> manPageSections()
{
    QFile file(packagingFile(QStringLiteral("pwctl.1.in")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QStringLiteral("\\-"), QStringLiteral("-"));

    QMap<QString, QString> sections;
    const QStringList parts = text.split(QStringLiteral("\n.SS \"pwctl "));
    for (const QString &part : parts.mid(1)) {
        const QString body = part.section(QStringLiteral("\n.SH "), 0, 0);
        sections.insert(body.section(u' ', 0, 0).section(u'"', 0, 0), body);
    }
    return sections;
}

// What the completion offers after the words typed so far; the last word is being typed.
QStringList complete(const QStringList &words)
{
    const QString script =
        QStringLiteral("source \"$1\"; COMP_WORDS=(\"${@:3}\"); COMP_CWORD=$2; _pwctl; "
                       "printf '%s\\n' \"${COMPREPLY[@]}\"");
    const ProgramResult result = runProgram(
        QStringLiteral("bash"), QStringList{"--norc", "--noprofile", "-c", script, "bash",
                                            packagingFile(QStringLiteral("pwctl.bash-completion")),
                                            QString::number(words.size())}
                                    + QStringList{pwctl()} + words);
    return QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
}

QSet<QString> asSet(const QStringList &list)
{
    return QSet<QString>(list.begin(), list.end());
}

} // namespace

class CommandDocsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { failOnWarnings(); }

    void manPageDescribesEveryCommand_data();
    void manPageDescribesEveryCommand();
    void manPageDescribesOnlyRealCommands();
    void completionOffersEveryCommand();
    void completionOffersEveryOption_data();
    void completionOffersEveryOption();
    void completionOffersValues_data();
    void completionOffersValues();

private:
    QStringList m_commands;
};

void CommandDocsTest::initTestCase()
{
    m_commands = pwctlCommands();
    QVERIFY2(m_commands.size() >= 10, qPrintable(m_commands.join(u' ')));
    QVERIFY(m_commands.contains(QStringLiteral("run")));
    QVERIFY(m_commands.contains(QStringLiteral("approve")));
}

void CommandDocsTest::manPageDescribesEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const QString &command : pwctlCommands()) {
        QTest::addRow("the man page describes %s and its options", qPrintable(command)) << command;
    }
}

void CommandDocsTest::manPageDescribesEveryCommand()
{
    QFETCH(QString, command);
    const QMap<QString, QString> sections = manPageSections();
    QVERIFY2(sections.contains(command),
             qPrintable(QStringLiteral("packaging/pwctl.1.in has no section .SS \"pwctl %1 ...\"")
                            .arg(command)));

    const QString section = sections.value(command);
    QStringList missing;
    for (const QString &option : longOptions(command)) {
        const QRegularExpression named(QRegularExpression::escape(option) + "(?![a-z-])");
        if (option != QLatin1String("--help") && !section.contains(named))
            missing.append(option);
    }
    missing.sort();
    QVERIFY2(
        missing.isEmpty(),
        qPrintable(
            QStringLiteral("the section of %1 does not name %2").arg(command, missing.join(u' '))));
}

void CommandDocsTest::manPageDescribesOnlyRealCommands()
{
    const QStringList described = manPageSections().keys();
    QVERIFY(!described.isEmpty());
    for (const QString &command : described) {
        QVERIFY2(m_commands.contains(command),
                 qPrintable(QStringLiteral("the man page describes '%1', which pwctl does not have")
                                .arg(command)));
    }
}

void CommandDocsTest::completionOffersEveryCommand()
{
    const QSet<QString> expected =
        asSet(m_commands) + QSet<QString>{QStringLiteral("--help"), QStringLiteral("--version")};
    QCOMPARE(asSet(complete({QString()})), expected);
    QCOMPARE(complete({QStringLiteral("app")}), QStringList{QStringLiteral("approve")});
}

void CommandDocsTest::completionOffersEveryOption_data()
{
    QTest::addColumn<QString>("command");
    for (const QString &command : pwctlCommands())
        QTest::addRow("completion offers the options of %s", qPrintable(command)) << command;
}

void CommandDocsTest::completionOffersEveryOption()
{
    QFETCH(QString, command);
    const QSet<QString> expected = longOptions(command);
    QVERIFY(expected.contains(QStringLiteral("--help")));
    QCOMPARE(asSet(complete({command, QStringLiteral("--")})), expected);
}

void CommandDocsTest::completionOffersValues_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a format is native or gitlab")
        << QStringList{"run", "--format", ""} << QStringList{"native", "gitlab"};
    QTest::newRow("an event starting with m is manual or merge_request")
        << QStringList{"plan", "--event", "m"} << QStringList{"manual", "merge_request"};
    QTest::newRow("cache takes an action")
        << QStringList{"cache", ""} << QStringList{"list", "clear", "stats"};
    QTest::newRow("a number after --jobs is not guessed")
        << QStringList{"run", "--jobs", ""} << QStringList{};
}

void CommandDocsTest::completionOffersValues()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    QCOMPARE(complete(words), expected);
}

QTEST_GUILESS_MAIN(CommandDocsTest)
#include "tst_commanddocs.moc"
