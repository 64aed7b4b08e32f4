#include "core/expr/expression.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using pw::expr::EvalContext;
using pw::expr::parseGitLabRule;

namespace {

using Variables = QHash<QString, QString>;

enum class Outcome { True, False, ParseError, EvaluationError };

// One expectation for a rules:if expression. `offset` and `fragment` describe the error for
// the two error outcomes.
struct Row
{
    Row(const char *title, const QString &text, const Variables &vars, Outcome result,
        int errorOffset = -1, const QString &errorFragment = {})
        : name(title)
        , expression(text)
        , variables(vars)
        , outcome(result)
        , offset(errorOffset)
        , fragment(errorFragment)
    {}

    const char *name;
    QString expression;
    Variables variables;
    Outcome outcome;
    int offset;
    QString fragment;
};

// The truth table of _supplementary-rules-if/expected.md, restated as data so that it is
// checked even without the shared folder, followed by more of GitLab's behaviour.
QList<Row> truthTable()
{
    const Outcome T = Outcome::True;
    const Outcome F = Outcome::False;
    return {
        {"a set variable is true", "$VAR", {{"VAR", "set-value"}}, T},
        {"an undefined variable is false", "$VAR", {}, F},
        {"an empty variable is false", "$VAR", {{"VAR", ""}}, F},
        {"an empty variable is not null", "$VAR != null", {{"VAR", ""}}, T},
        {"an undefined variable is null", "$VAR != null", {}, F},
        {"a variable equals its quoted value", "$VAR == 'true'", {{"VAR", "true"}}, T},
        {"a variable differs from another quoted value", "$VAR == 'true'", {{"VAR", "false"}}, F},
        {"a regex matches a variable", "$VAR =~ /testvalue/", {{"VAR", "testvalue"}}, T},
        {"a regex does not match another value", "$VAR =~ /testvalue/", {{"VAR", "spiffy"}}, F},
        {"a case-blind regex matches", "$VAR =~ /testvalue/i", {{"VAR", "testvalue"}}, T},
        {"a case-blind regex matches other case",
         "$VAR =~ /testvalue/i",
         {{"VAR", "TESTVALUE"}},
         T},
        {"a case-blind regex refuses another value",
         "$VAR =~ /testvalue/i",
         {{"VAR", "spiffy"}},
         F},
        {"a case-sensitive regex refuses other case",
         "$VAR =~ /testvalue/",
         {{"VAR", "TESTVALUE"}},
         F},
        {"not-match holds for another value", "$VAR !~ /testvalue/", {{"VAR", "notamatch"}}, T},
        {"not-match fails for a match", "$VAR !~ /testvalue/", {{"VAR", "testvalue"}}, F},
        {"a case-blind not-match holds for another value",
         "$VAR !~ /testvalue/i",
         {{"VAR", "notamatch"}},
         T},
        {"a case-blind not-match fails for other case",
         "$VAR !~ /testvalue/i",
         {{"VAR", "TESTVALUE"}},
         F},
        {"a regex does not match an undefined variable", "$VAR =~ /123/", {}, F},
        {"true and a failed match is false", "true && $VAR =~ /123/", {}, F},
        {"an undefined tag does not match a version regex",
         "$CI_COMMIT_TAG =~ /^v\\d+.\\d+.\\d+/",
         {},
         F},
        {"an undefined tag is not a version", "$CI_COMMIT_TAG !~ /^v\\d+.\\d+.\\d+/", {}, T},
        {"two set variables are both true",
         "$VAR1 && $VAR2",
         {{"VAR1", "val"}, {"VAR2", "val"}},
         T},
        {"and fails on an empty right side", "$VAR1 && $VAR2", {{"VAR1", "val"}, {"VAR2", ""}}, F},
        {"or holds with one set variable", "$VAR1 || $VAR2", {{"VAR1", "val"}, {"VAR2", ""}}, T},
        {"or fails with two empty variables", "$VAR1 || $VAR2", {{"VAR1", ""}, {"VAR2", ""}}, F},
        {"and over a parenthesised or holds",
         "$VAR1 && ($VAR2 || $VAR3)",
         {{"VAR1", "val"}, {"VAR2", "val"}, {"VAR3", ""}},
         T},
        {"and over a parenthesised or fails",
         "$VAR1 && ($VAR2 || $VAR3)",
         {{"VAR1", "val"}, {"VAR2", ""}, {"VAR3", ""}},
         F},
        {"matches grouped with and and or hold",
         "$VAR1 =~ /val/ && ($VAR2 =~ /val/ || $VAR3)",
         {{"VAR1", "val"}, {"VAR2", "val"}, {"VAR3", ""}},
         T},
        {"matches grouped with and and or fail",
         "$VAR1 =~ /val/ && ($VAR2 =~ /val/ || $VAR3)",
         {{"VAR1", "val"}, {"VAR2", "not"}, {"VAR3", ""}},
         F},
        {"a case-blind first match in a group holds",
         "$VAR1 =~ /val/i && ($VAR2 =~ /val/ || $VAR3)",
         {{"VAR1", "VAL"}, {"VAR2", "val"}, {"VAR3", ""}},
         T},
        {"a case-blind first match in a group fails",
         "$VAR1 =~ /val/i && ($VAR2 =~ /val/ || $VAR3)",
         {{"VAR1", "VAL"}, {"VAR2", "not"}, {"VAR3", ""}},
         F},
        {"a regex can come from a variable",
         "$TAG =~ $TAG_REGEX",
         {{"TAG", "prefix/1.0.0"}, {"TAG_REGEX", "/^prefix\\/.+/"}},
         T},
        {"an end-anchored regex matches the branch",
         "$CI_COMMIT_BRANCH =~ /master$/",
         {{"CI_COMMIT_BRANCH", "master"}},
         T},
        {"a regex literal does not expand variables",
         "$CI_COMMIT_BRANCH =~ /$BRANCHNAME/",
         {{"CI_COMMIT_BRANCH", "master"}, {"BRANCHNAME", "master"}},
         F},
        {"a regex with alternatives and escaped slashes",
         "$CI_COMMIT_REF_NAME =~ /^(develop$|release\\/.*|master$)/",
         {{"CI_COMMIT_REF_NAME", "develop"}},
         T},
        {"a variable regex with alternatives",
         "$CI_COMMIT_REF_NAME =~ $PROD_REF",
         {{"CI_COMMIT_REF_NAME", "main"}, {"PROD_REF", "/^(master|main)$/"}},
         T},
        {"a quoted regex with flags", "\"Hello World\" =~ \"/hello world/i\"", {}, T},
        {"a regex with an inline flag", "\"Hello World\" =~ /Hello (?i)world/", {}, T},
        {"a regex with POSIX classes",
         "\"1.11\" =~ /^([[:digit:]]+(.[[:digit:]]+)*|latest)$/",
         {},
         T},
        {"not-match fails on a match between strings", "\"foo\" !~ /foo/", {}, F},
        {"operators need no blanks around them", "\"foo\"=~/foo/", {}, T},
        {"a quoted regex with an escaped slash", "\"test/url\" =~ \"/test\\/ur/\"", {}, T},
        // The reference reports this when evaluating; here it is refused when parsing.
        {"an unescaped slash ends a regex literal",
         "\"test/url\" =~ /test/ur/",
         {},
         Outcome::ParseError,
         20,
         "unknown flag 'u' after the regular expression /test/"},
        // GitLab itself quietly tests whether "1234" contains "23" here; like the reference,
        // we refuse a plain string on the right of =~, which is almost always a mistake.
        {"a plain string on the right of a match",
         "\"23\" =~ \"1234\"",
         {},
         Outcome::ParseError,
         8,
         "must be a regular expression such as /1234/"},
        {"a regex absent from a string", "\"23\" =~ /1234/", {}, F},
        {"braces around a variable name",
         "${VAR} == 'true'",
         {{"VAR", "true"}},
         Outcome::ParseError,
         0,
         "${VAR} is not allowed in rules:if; write $VAR"},

        // From the rule-outcome part of expected.md.
        {"GITLAB_CI false is not the string true",
         "$GITLAB_CI == 'true'",
         {{"GITLAB_CI", "false"}},
         F},
        {"GITLAB_CI false is a non-empty string", "$GITLAB_CI", {{"GITLAB_CI", "false"}}, T},
        {"a first rule's comparison holds", "$VAR1 == 'val1'", {{"VAR1", "val1"}}, T},
    };
}

// GitLab's behaviour beyond the table, read from how GitLab evaluates these expressions:
// values are Ruby's (nil, booleans, strings), && and || yield one of their operands, and the
// rule holds when the final value is present (not nil, false or blank).
QList<Row> moreGitLabBehaviour()
{
    const Outcome T = Outcome::True;
    const Outcome F = Outcome::False;
    const Outcome E = Outcome::EvaluationError;
    return {
        {"an undefined variable equals null", "$VAR == null", {}, T},
        {"an empty variable does not equal null", "$VAR == null", {{"VAR", ""}}, F},
        {"an empty variable equals the empty string", "$VAR == \"\"", {{"VAR", ""}}, T},
        {"an undefined variable differs from the empty string", "$VAR == ''", {}, F},
        {"an undefined variable is not the empty string", "$VAR != ''", {}, T},
        {"two undefined variables are equal", "$VAR1 == $VAR2", {}, T},
        {"a variable holding only blanks is false", "$VAR", {{"VAR", "  "}}, F},
        // In GitLab "" is truthy inside && and ||, as in Ruby: `"" && x` yields x and
        // `"" || x` yields "". The reference (JavaScript) treats "" as false in both.
        {"an empty left side of and passes the right side",
         "$VAR1 && $VAR2",
         {{"VAR1", ""}, {"VAR2", "val"}},
         T},
        {"an empty left side of or hides the right side",
         "$VAR1 || $VAR2",
         {{"VAR1", ""}, {"VAR2", "val"}},
         F},
        {"an undefined left side of or passes the right side",
         "$VAR1 || $VAR2",
         {{"VAR2", "val"}},
         T},
        {"and binds tighter than or", "$A || $B && $C", {{"A", "x"}, {"B", ""}, {"C", ""}}, T},
        {"parentheses group an or before an and",
         "($A || $B) && $C",
         {{"A", "x"}, {"B", ""}, {"C", ""}},
         F},
        {"comparisons join with and and or",
         "$A == \"x\" && $B == \"y\" || $C == \"z\"",
         {{"C", "z"}},
         T},
        {"an undefined variable matches an empty regex", "$VAR =~ /^$/", {}, T},
        {"a regex from an undefined variable matches nothing", "$VAR =~ $UNSET", {{"VAR", "x"}}, F},
        {"not-match with an undefined regex variable holds", "$VAR !~ $UNSET", {{"VAR", "x"}}, T},
        {"the m flag lets ^ match after a newline", "$VAR =~ /^b/m", {{"VAR", "a\nb"}}, T},
        {"without the m flag ^ matches only at the start", "$VAR =~ /^b/", {{"VAR", "a\nb"}}, F},
        {"the s flag lets a dot match a newline", "$VAR =~ /a.b/s", {{"VAR", "a\nb"}}, T},
        {"without the s flag a dot does not match a newline",
         "$VAR =~ /a.b/",
         {{"VAR", "a\nb"}},
         F},
        {"the U flag is accepted", "\"aaa\" =~ /^a+$/U", {}, T},
        {"a named group is accepted", "\"ab\" =~ /(?P<x>a)b/", {}, T},
        {"a lookahead inside a set is a plain character", "\"=\" =~ /[(?=]/", {}, T},
        {"the literal true is true", "true", {}, T},
        {"the literal false is false", "false", {}, F},
        {"null is false", "null", {}, F},
        {"a non-empty string is true", "'x'", {}, T},
        {"an empty string is false", "\"\"", {}, F},
        {"single quotes may hold double quotes",
         "$VAR == 'say \"hi\"'",
         {{"VAR", "say \"hi\""}},
         T},
        {"a variable holding a plain string cannot be a regex",
         "$VAR =~ $PLAIN",
         {{"VAR", "x"}, {"PLAIN", "abc"}},
         E,
         -1,
         "the right-hand side of =~ must be a regular expression written /pattern/, but $PLAIN "
         "is \"abc\""},
        {"a variable holding an invalid regex",
         "$VAR !~ $BAD",
         {{"VAR", "x"}, {"BAD", "/(/"}},
         E,
         -1,
         "$BAD on the right of !~: invalid regular expression /(/"},
    };
}

QList<Row> badExpressions()
{
    const Outcome P = Outcome::ParseError;
    return {
        {"an empty expression", "", {}, P, 0, "empty expression"},
        {"an unquoted word",
         "$VAR == main",
         {},
         P,
         8,
         "unknown word 'main'; variables are "
         "written $main and strings are quoted"},
        {"a misspelt null", "$VAR == nul", {}, P, 8, "did you mean 'null'?"},
        {"an unterminated string", "$VAR == \"x", {}, P, 8, "unterminated string"},
        {"an unterminated regex", "$VAR =~ /abc", {}, P, 8, "unterminated regular expression"},
        {"an invalid regex", "$VAR =~ /(/", {}, P, 8, "invalid regular expression /(/"},
        {"an invalid quoted regex", "\"x\" =~ \"/(/\"", {}, P, 7, "invalid regular expression /(/"},
        {"an empty regex", "$VAR =~ //", {}, P, 8, "empty regular expression"},
        {"an unknown flag", "$VAR =~ /a/x", {}, P, 11, "unknown flag 'x'"},
        {"a lookahead RE2 lacks", "\"x\" =~ /(?=x)/", {}, P, 7, "lookahead '(?='"},
        {"a backreference RE2 lacks", "\"x\" =~ /(a)\\1/", {}, P, 7, "backreferences '\\1'"},
        {"a possessive quantifier RE2 lacks", "\"x\" =~ /a++/", {}, P, 7, "possessive"},
        {"a bare not", "!$VAR", {}, P, 0, "'!' on its own is not part of GitLab's rules:if"},
        {"a single equals sign", "$VAR = \"x\"", {}, P, 5, "compare with '=='"},
        {"a single ampersand", "$A & $B", {}, P, 3, "did you mean '&&'?"},
        {"a single bar", "$A | $B", {}, P, 3, "did you mean '||'?"},
        {"a character outside the language",
         "$A == \"x\" ; $B",
         {},
         P,
         10,
         "unexpected character ';'"},
        {"a dollar without a name", "$ == \"x\"", {}, P, 0, "expected a variable name after '$'"},
        {"braces on the right side", "$VAR == ${OTHER}", {}, P, 8, "write $OTHER"},
        {"a missing closing parenthesis",
         "($VAR == \"x\"",
         {},
         P,
         12,
         "expected ')' to close the '(' at offset 0"},
        {"a closing parenthesis without an opening one",
         "$VAR == \"x\")",
         {},
         P,
         11,
         "with no matching '('"},
        {"two values without an operator", "$VAR \"x\"", {}, P, 5, "unexpected \"x\" after '$VAR'"},
        {"an and without a right side",
         "$A &&",
         {},
         P,
         5,
         "expected a value ($NAME, a quoted string, null or /regex/) after '&&'"},
    };
}

void addRows(const QList<Row> &rows)
{
    for (const Row &row : rows) {
        QTest::newRow(row.name) << row.expression << row.variables << int(row.outcome) << row.offset
                                << row.fragment;
    }
}

// One `if` cell's expression in the truth table of expected.md, and whether that row's result
// is an error.
struct FixtureRow
{
    QString expression;
    bool error = false;
};

// The code spans of the first cell of each row of the truth table, with the row's verdict.
QList<FixtureRow> fixtureRows(const QString &markdown)
{
    QList<FixtureRow> rows;
    bool inTable = false;
    static const QRegularExpression codeSpan(QStringLiteral("`([^`]+)`"));
    static const QRegularExpression cellEnd(QStringLiteral("(?<!\\\\)\\|"));
    for (const QString &line : markdown.split(u'\n')) {
        if (line.startsWith(u"## "))
            inTable = line.contains(u"truth table");
        if (!inTable || !line.startsWith(u"| ") || line.startsWith(u"| if"))
            continue;

        // Cells are split at bars that are not escaped as \|; the result is the last cell.
        const qsizetype end = line.indexOf(cellEnd, 2);
        QString cell = line.mid(2, end - 2);
        cell.replace(QStringLiteral("\\|"), QStringLiteral("|"));
        const QString result = line.section(cellEnd, -2, -2);
        for (const QRegularExpressionMatch &match : codeSpan.globalMatch(cell))
            rows.append({match.captured(1), result.contains(u"error")});
    }
    return rows;
}

bool isError(Outcome outcome)
{
    return outcome == Outcome::ParseError || outcome == Outcome::EvaluationError;
}

} // namespace

class TestGitLabRules : public QObject
{
    Q_OBJECT

private slots:
    void init() { pw::test::failOnWarnings(); }

    void evaluates_data();
    void evaluates();
    void coversTheSharedTruthTable();
    void refusesHugeAndDeepExpressions_data();
    void refusesHugeAndDeepExpressions();

private:
    void addColumns();
};

void TestGitLabRules::addColumns()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<Variables>("variables");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");
}

void TestGitLabRules::evaluates_data()
{
    addColumns();
    addRows(truthTable());
    addRows(moreGitLabBehaviour());
    addRows(badExpressions());
}

void TestGitLabRules::evaluates()
{
    QFETCH(QString, expression);
    QFETCH(Variables, variables);
    QFETCH(int, outcome);
    QFETCH(int, offset);
    QFETCH(QString, fragment);

    const auto parsed = parseGitLabRule(expression);
    if (Outcome(outcome) == Outcome::ParseError) {
        QVERIFY2(!parsed.ok(), "the expression was accepted");
        QVERIFY2(parsed.error().message.contains(fragment), qPrintable(parsed.error().message));
        QCOMPARE(parsed.error().offset, offset);
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));

    EvalContext context;
    context.variables = variables;
    const pw::Result<bool> result = parsed.value()->evaluate(context);
    if (Outcome(outcome) == Outcome::EvaluationError) {
        QVERIFY2(!result.ok(), "the evaluation succeeded");
        QVERIFY2(result.error().message.contains(fragment), qPrintable(result.error().message));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value(), Outcome(outcome) == Outcome::True);
}

void TestGitLabRules::coversTheSharedTruthTable()
{
    if (pw::test::sharedDir().isEmpty())
        QSKIP("../shared is absent, so expected.md cannot be read; the rows restated in this "
              "test still ran");
    const QString path = pw::test::sharedDir()
                         + QStringLiteral("/conformance/gitlab-ci-local/"
                                          "_supplementary-rules-if/expected.md");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QString markdown = QString::fromUtf8(file.readAll());

    // Two cells name a variant of the row above instead of a whole expression.
    const QHash<QString, QString> variants{
        {QStringLiteral("/i"), QStringLiteral("$VAR !~ /testvalue/i")},
        {QStringLiteral("/val/i"), QStringLiteral("$VAR1 =~ /val/i && ($VAR2 =~ /val/ || $VAR3)")},
    };
    const QList<FixtureRow> fixture = fixtureRows(markdown);
    QVERIFY2(fixture.size() >= 30, "the truth table of expected.md was not found");

    for (const FixtureRow &entry : fixture) {
        const QString expression = variants.value(entry.expression, entry.expression);
        bool covered = false;
        for (const Row &row : truthTable()) {
            if (row.expression != expression)
                continue;
            covered = true;
            QVERIFY2(
                isError(row.outcome) == entry.error,
                qPrintable(QStringLiteral("`%1` should %2 as expected.md says")
                               .arg(expression, entry.error ? QStringLiteral("fail")
                                                            : QStringLiteral("give a result"))));
        }
        QVERIFY2(covered, qPrintable(QStringLiteral("expected.md has `%1`, which no row of "
                                                    "this test restates")
                                         .arg(entry.expression)));
    }
}

void TestGitLabRules::refusesHugeAndDeepExpressions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("nesting of 101 parentheses")
        << QString(101, u'(') + "$A" + QString(101, u')') << 100 << "deeper than 100 levels";
    QTest::newRow("a megabyte of parentheses")
        << QString(1024 * 1024, u'(') << 64 * 1024 << "at most 64 KiB";
    QTest::newRow("a megabyte of one variable name")
        << "$" + QString(1024 * 1024, u'A') << 64 * 1024 << "at most 64 KiB";
}

void TestGitLabRules::refusesHugeAndDeepExpressions()
{
    QFETCH(QString, expression);
    QFETCH(int, offset);
    QFETCH(QString, fragment);

    const auto parsed = parseGitLabRule(expression);
    QVERIFY2(!parsed.ok(), "the expression was accepted");
    QVERIFY2(parsed.error().message.contains(fragment), qPrintable(parsed.error().message));
    QCOMPARE(parsed.error().offset, offset);
}

QTEST_GUILESS_MAIN(TestGitLabRules)
#include "tst_gitlabrules.moc"
