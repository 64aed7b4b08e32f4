#include "core/expr/expression.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

using pw::expr::EvalContext;
using pw::expr::parseCondition;

Q_DECLARE_METATYPE(pw::expr::EvalContext)

namespace {

// A run context from (key, value) pairs: "branch", "event", "commit" and "tag" set those
// fields, and "$NAME" sets the variable NAME.
EvalContext context(std::initializer_list<std::pair<const char *, const char *>> fields = {})
{
    EvalContext result;
    for (const auto &[key, value] : fields) {
        const QString name = QString::fromUtf8(key);
        const QString text = QString::fromUtf8(value);
        if (name == u"branch")
            result.branch = text;
        else if (name == u"event")
            result.event = text;
        else if (name == u"commit")
            result.commit = text;
        else if (name == u"tag")
            result.tag = text;
        else
            result.variables.insert(name.mid(1), text);
    }
    return result;
}

QString repeated(const QString &piece, int count)
{
    return piece.repeated(count);
}

} // namespace

class TestExpression : public QObject
{
    Q_OBJECT

private slots:
    void init() { pw::test::failOnWarnings(); }

    void evaluates_data();
    void evaluates();
    void rejects_data();
    void rejects();
    void reportsEvaluationErrors_data();
    void reportsEvaluationErrors();
    void acceptsNestingUpToTheLimit_data();
    void acceptsNestingUpToTheLimit();
    void refusesHugeExpressionsQuickly_data();
    void refusesHugeExpressionsQuickly();
    void evaluatesLongChainsFlat();
};

void TestExpression::evaluates_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<EvalContext>("context");
    QTest::addColumn<bool>("expected");

    // Equality on every field, both quote styles and the escapes.
    QTest::newRow("branch equals a quoted string")
        << "branch == \"main\"" << context({{"branch", "main"}}) << true;
    QTest::newRow("branch differs from a quoted string")
        << "branch == \"main\"" << context({{"branch", "dev"}}) << false;
    QTest::newRow("not-equal holds for another branch")
        << "branch != \"main\"" << context({{"branch", "dev"}}) << true;
    QTest::newRow("not-equal fails for the same branch")
        << "branch != \"main\"" << context({{"branch", "main"}}) << false;
    QTest::newRow("event compares with a single-quoted string")
        << "event == 'push'" << context({{"event", "push"}}) << true;
    QTest::newRow("commit compares as a string")
        << "commit == \"abc123\"" << context({{"commit", "abc123"}}) << true;
    QTest::newRow("tag compares as a string")
        << "tag == 'v1.0'" << context({{"tag", "v1.0"}}) << true;
    QTest::newRow("a variable compares by its value")
        << "vars.DEPLOY == \"yes\"" << context({{"$DEPLOY", "yes"}}) << true;
    QTest::newRow("an unset variable is the empty string")
        << "vars.MISSING == \"\"" << context() << true;
    QTest::newRow("two values can be compared the other way round")
        << "\"main\" == branch" << context({{"branch", "main"}}) << true;
    QTest::newRow("an escaped double quote is part of the string")
        << R"(vars.Q == "say \"hi\"")" << context({{"$Q", "say \"hi\""}}) << true;
    QTest::newRow("an escaped single quote is part of the string")
        << R"(vars.Q == 'it\'s')" << context({{"$Q", "it's"}}) << true;
    QTest::newRow("an escaped backslash is one backslash")
        << R"(vars.P == "a\\b")" << context({{"$P", "a\\b"}}) << true;
    QTest::newRow("backslash n is a newline")
        << R"(vars.P == "a\nb")" << context({{"$P", "a\nb"}}) << true;
    QTest::newRow("backslash t is a tab")
        << R"(vars.P == "a\tb")" << context({{"$P", "a\tb"}}) << true;
    QTest::newRow("an unknown escape keeps its backslash")
        << R"(vars.P == "\d")" << context({{"$P", "\\d"}}) << true;

    // Regular expressions are found anywhere unless anchored.
    QTest::newRow("a regex matches at the start")
        << "branch =~ \"^release/\"" << context({{"branch", "release/1.0"}}) << true;
    QTest::newRow("a regex is found anywhere in the value")
        << "branch =~ \"release\"" << context({{"branch", "pre-release-x"}}) << true;
    QTest::newRow("an anchored regex must match the whole value")
        << "branch =~ \"^release$\"" << context({{"branch", "release/1"}}) << false;
    QTest::newRow("a regex with a class escape needs no doubled backslash")
        << R"(tag =~ "^v\d+\.\d+$")" << context({{"tag", "v1.22"}}) << true;
    QTest::newRow("not-match holds when the regex is absent")
        << "branch !~ \"^feature/\"" << context({{"branch", "main"}}) << true;
    QTest::newRow("not-match fails when the regex is found")
        << "branch !~ \"^feature/\"" << context({{"branch", "feature/x"}}) << false;
    QTest::newRow("a regex can come from a variable")
        << "branch =~ vars.PATTERN" << context({{"branch", "main"}, {"$PATTERN", "^ma"}}) << true;

    // Lists.
    QTest::newRow("in holds for a listed value")
        << "event in [\"push\", \"tag\"]" << context({{"event", "push"}}) << true;
    QTest::newRow("in fails for an unlisted value")
        << "event in [\"push\", \"tag\"]" << context({{"event", "schedule"}}) << false;
    QTest::newRow("nothing is in an empty list") << "branch in []" << context() << false;
    QTest::newRow("a list can hold fields and variables")
        << "vars.X in [branch, \"other\"]" << context({{"branch", "main"}, {"$X", "main"}}) << true;

    // Globs: the whole value must match; * stays within a segment, ** does not.
    QTest::newRow("a star matches within a segment")
        << "glob(branch, \"release/*\")" << context({{"branch", "release/1.0"}}) << true;
    QTest::newRow("a star does not cross a slash")
        << "glob(branch, \"release/*\")" << context({{"branch", "release/1/2"}}) << false;
    QTest::newRow("a double star crosses slashes")
        << "glob(branch, \"release/**\")" << context({{"branch", "release/1/2"}}) << true;
    QTest::newRow("a leading double star slash matches no directory")
        << "glob(branch, \"**/fix\")" << context({{"branch", "fix"}}) << true;
    QTest::newRow("a leading double star slash matches several directories")
        << "glob(branch, \"**/fix\")" << context({{"branch", "a/b/fix"}}) << true;
    QTest::newRow("a middle double star slash matches no directory")
        << "glob(branch, \"feature/**/done\")" << context({{"branch", "feature/done"}}) << true;
    QTest::newRow("a middle double star slash matches several directories")
        << "glob(branch, \"feature/**/done\")" << context({{"branch", "feature/x/y/done"}}) << true;
    QTest::newRow("a question mark matches one character")
        << "glob(tag, \"v?.0\")" << context({{"tag", "v1.0"}}) << true;
    QTest::newRow("a question mark matches only one character")
        << "glob(tag, \"v?.0\")" << context({{"tag", "v10.0"}}) << false;
    QTest::newRow("a question mark does not match a slash")
        << "glob(branch, \"a?b\")" << context({{"branch", "a/b"}}) << false;
    QTest::newRow("a set matches a listed character")
        << "glob(tag, \"[abc]\")" << context({{"tag", "b"}}) << true;
    QTest::newRow("a set range matches a character in it")
        << "glob(tag, \"v[0-9]*\")" << context({{"tag", "v1.2"}}) << true;
    QTest::newRow("a negated set refuses a character in it")
        << "glob(tag, \"v[!0-9]*\")" << context({{"tag", "v1"}}) << false;
    QTest::newRow("a caret also negates a set")
        << "glob(tag, \"[^a]\")" << context({{"tag", "b"}}) << true;
    QTest::newRow("a glob must match the whole value")
        << "glob(branch, \"main\")" << context({{"branch", "main-2"}}) << false;
    QTest::newRow("an escaped star is a literal star")
        << R"(glob(branch, "a\*b"))" << context({{"branch", "a*b"}}) << true;
    QTest::newRow("an escaped star matches nothing else")
        << R"(glob(branch, "a\*b"))" << context({{"branch", "axb"}}) << false;
    QTest::newRow("an empty glob matches only the empty value")
        << "glob(branch, \"\")" << context() << true;
    QTest::newRow("a glob pattern can come from a variable")
        << "glob(branch, vars.P)" << context({{"branch", "release/1"}, {"$P", "release/*"}})
        << true;
    QTest::newRow("stars that could backtrack endlessly still finish")
        << "glob(vars.LONG, \"*a*a*a*a*a*a*a*a*b\")"
        << context({{"$LONG", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}}) << false;

    // Truthiness of a bare operand.
    QTest::newRow("a non-empty variable is true")
        << "vars.FLAG" << context({{"$FLAG", "yes"}}) << true;
    QTest::newRow("a variable holding 1 is true")
        << "vars.FLAG" << context({{"$FLAG", "1"}}) << true;
    QTest::newRow("a variable holding false is false")
        << "vars.FLAG" << context({{"$FLAG", "false"}}) << false;
    QTest::newRow("a variable holding 0 is false")
        << "vars.FLAG" << context({{"$FLAG", "0"}}) << false;
    QTest::newRow("an empty variable is false") << "vars.FLAG" << context({{"$FLAG", ""}}) << false;
    QTest::newRow("an unset variable is false") << "vars.FLAG" << context() << false;
    QTest::newRow("the literal true is true") << "true" << context() << true;
    QTest::newRow("the literal false is false") << "false" << context() << false;
    QTest::newRow("the string false is false") << "\"false\"" << context() << false;
    QTest::newRow("a set branch is true") << "branch" << context({{"branch", "main"}}) << true;
    QTest::newRow("not turns an empty variable true") << "!vars.FLAG" << context() << true;
    QTest::newRow("two nots cancel out") << "!!true" << context() << true;

    // Precedence: ! binds tightest, then comparisons, then &&, then ||.
    QTest::newRow("and binds tighter than or") << "true || false && false" << context() << true;
    QTest::newRow("parentheses group an or before an and")
        << "(true || false) && false" << context() << false;
    QTest::newRow("not applies before and") << "!false && false" << context() << false;
    QTest::newRow("not applies to a parenthesised group")
        << "!(false || true)" << context() << false;
    // `!branch == "false"` reads as `(!branch) == "false"`, as in C.
    QTest::newRow("not binds tighter than a comparison")
        << "!branch == \"false\"" << context({{"branch", "main"}}) << true;
    QTest::newRow("comparisons bind tighter than and")
        << "branch == \"main\" && event == \"push\""
        << context({{"branch", "main"}, {"event", "push"}}) << true;
    QTest::newRow("comparisons bind tighter than or")
        << "branch == \"dev\" || event == \"push\""
        << context({{"branch", "main"}, {"event", "push"}}) << true;
    QTest::newRow("in binds tighter than and")
        << "event in [\"push\"] && branch == \"main\""
        << context({{"branch", "main"}, {"event", "push"}}) << true;
    QTest::newRow("a comparison result can be compared")
        << "(branch == \"main\") == \"true\"" << context({{"branch", "main"}}) << true;

    // Short forms: a glob on one field, negated by !.
    QTest::newRow("the branch short form matches its branch")
        << "branch:main" << context({{"branch", "main"}}) << true;
    QTest::newRow("the branch short form refuses another branch")
        << "branch:main" << context({{"branch", "dev"}}) << false;
    QTest::newRow("a negated short form holds for another branch")
        << "branch:!main" << context({{"branch", "dev"}}) << true;
    QTest::newRow("a negated short form fails for its branch")
        << "branch:!main" << context({{"branch", "main"}}) << false;
    QTest::newRow("the event short form matches its event")
        << "event:push" << context({{"event", "push"}}) << true;
    QTest::newRow("the tag short form takes a glob")
        << "tag:v*" << context({{"tag", "v1.2"}}) << true;
    QTest::newRow("the tag short form fails without a tag") << "tag:v*" << context() << false;
    QTest::newRow("the commit short form matches its commit")
        << "commit:abc" << context({{"commit", "abc"}}) << true;
    QTest::newRow("a short form may have blanks around its pattern")
        << "  branch: release/*  " << context({{"branch", "release/2"}}) << true;
    QTest::newRow("a short form pattern may be quoted")
        << "branch:\"release/**\"" << context({{"branch", "release/a/b"}}) << true;
    QTest::newRow("a short form glob keeps star within a segment")
        << "branch:release/*" << context({{"branch", "release/a/b"}}) << false;
}

void TestExpression::evaluates()
{
    QFETCH(QString, expression);
    QFETCH(EvalContext, context);
    QFETCH(bool, expected);

    const auto parsed = parseCondition(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const pw::Result<bool> result = parsed.value()->evaluate(context);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value(), expected);
}

void TestExpression::rejects_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("an empty expression") << "" << 0 << "empty expression";
    QTest::newRow("an expression of only blanks") << "   " << 0 << "empty expression";
    QTest::newRow("a misspelt field suggests the field")
        << "brnch == \"main\"" << 0 << "unknown identifier 'brnch'; did you mean 'branch'?";
    QTest::newRow("a misspelt event suggests event")
        << "evnt == \"push\"" << 0 << "did you mean 'event'?";
    QTest::newRow("a misspelt field later on is found where it is")
        << "vars.A == \"x\" && tagg == \"v\"" << 17 << "did you mean 'tag'?";
    QTest::newRow("an unquoted string asks for quotes")
        << "branch == main" << 10 << "quote it for a string (\"main\")";
    QTest::newRow("a dollar variable points to vars")
        << "$X == \"a\"" << 0 << "variables are written vars.NAME";
    QTest::newRow("vars without a name") << "vars == \"x\"" << 4 << "expected '.NAME' after 'vars'";
    QTest::newRow("vars with a dot but no name") << "vars." << 5 << "expected a name after 'vars.'";
    QTest::newRow("a variable name with a dot")
        << "vars.A.B == \"x\"" << 6 << "variable names cannot contain '.'";
    QTest::newRow("an unterminated double-quoted string")
        << "branch == \"main" << 10 << "unterminated string";
    QTest::newRow("an unterminated single-quoted string")
        << "branch == 'main" << 10 << "unterminated string";
    QTest::newRow("a missing closing parenthesis")
        << "(branch == \"main\"" << 17 << "expected ')' to close the '(' at offset 0";
    QTest::newRow("a closing parenthesis without an opening one")
        << "branch == \"main\")" << 16 << "with no matching '('";
    QTest::newRow("a comparison without a right side")
        << "branch ==" << 9 << "expected a value (a quoted string";
    QTest::newRow("an operator at the start") << "&& branch" << 0 << "expected a value";
    QTest::newRow("two conditions without an operator between them")
        << "branch == \"main\" event" << 17 << "unexpected 'event' after \"main\"";
    QTest::newRow("a single equals sign") << "branch = \"main\"" << 7 << "'=='";
    QTest::newRow("a single ampersand") << "branch & event" << 7 << "did you mean '&&'?";
    QTest::newRow("a single bar") << "branch | event" << 7 << "did you mean '||'?";
    QTest::newRow("a character outside the language")
        << "branch == \"a\" # x" << 14 << "unexpected character '#'";
    QTest::newRow("chained comparisons")
        << "branch == \"a\" == \"b\"" << 14 << "comparisons cannot be chained";
    QTest::newRow("in without a list") << "event in \"push\"" << 9 << "expected '['";
    QTest::newRow("a list without commas")
        << "event in [\"push\" \"tag\"]" << 17 << "expected ',' or ']'";
    QTest::newRow("an unclosed list") << "event in [\"push\"" << 16 << "expected ',' or ']'";
    QTest::newRow("in without a value before it") << "in [\"a\"]" << 0 << "before 'in'";
    QTest::newRow("a misspelt glob suggests glob")
        << "globb(branch, \"x\")" << 0 << "unknown function 'globb'; did you mean 'glob'?";
    QTest::newRow("an unknown function")
        << "startsWith(branch, \"x\")" << 0 << "the only function is glob()";
    QTest::newRow("glob without parentheses") << "glob branch" << 5 << "expected '(' after 'glob'";
    QTest::newRow("glob with one argument") << "glob(branch)" << 11 << "expected ',' and a pattern";
    QTest::newRow("glob with three arguments")
        << "glob(branch, \"a\", \"b\")" << 16 << "expected ')' to close glob(";
    QTest::newRow("a glob with an unclosed set")
        << "glob(branch, \"[ab\")" << 13 << "'[' at position 0 of the glob pattern '[ab'";
    QTest::newRow("an invalid regex is reported at its literal")
        << "branch =~ \"(\"" << 10 << "missing closing parenthesis";
    QTest::newRow("an invalid regex names the pattern")
        << "branch !~ \"a[\"" << 10 << "invalid regular expression \"a[\"";
    QTest::newRow("a misspelt short form suggests the key")
        << "brnch:main" << 0 << "unknown short form 'brnch:'; did you mean 'branch:'?";
    QTest::newRow("an unknown short form lists the keys")
        << "foo:bar" << 0 << "short forms are branch:, event:, tag: and commit:";
    QTest::newRow("a short form without a pattern")
        << "branch:" << 7 << "expected a glob pattern after 'branch:'";
    QTest::newRow("a negated short form without a pattern")
        << "branch: ! " << 10 << "expected a glob pattern after 'branch:'";
    QTest::newRow("a short form with an unclosed set") << "tag:[v" << 4 << "never closed";
    QTest::newRow("a short form inside a larger expression")
        << "(branch:main)" << 7 << "must be the whole condition";
    QTest::newRow("nesting of 101 parentheses")
        << repeated("(", 101) + "true" + repeated(")", 101) << 100 << "deeper than 100 levels";
    QTest::newRow("nesting of 101 nots")
        << repeated("!", 101) + "true" << 100 << "deeper than 100 levels";
    QTest::newRow("nesting inside lists and glob calls")
        << repeated("glob(", 60) + repeated("\"a\" in [", 41) << 627 << "deeper than 100";
    QTest::newRow("one character over 64 KiB")
        << repeated("x", 64 * 1024 + 1) << 64 * 1024 << "at most 64 KiB";
}

void TestExpression::rejects()
{
    QFETCH(QString, expression);
    QFETCH(int, offset);
    QFETCH(QString, fragment);

    const auto parsed = parseCondition(expression);
    QVERIFY2(!parsed.ok(), "the expression was accepted");
    QVERIFY2(parsed.error().message.contains(fragment), qPrintable(parsed.error().message));
    QCOMPARE(parsed.error().offset, offset);
}

void TestExpression::reportsEvaluationErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<EvalContext>("context");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("an invalid regex from a variable")
        << "branch =~ vars.RE" << context({{"$RE", "("}})
        << "vars.RE holds \"(\", which is not a valid regular expression";
    QTest::newRow("an invalid glob from a variable")
        << "glob(branch, vars.G)" << context({{"$G", "[a"}}) << "vars.G: the '[' at position 0";
    QTest::newRow("an invalid regex under && still fails the condition")
        << "true && branch !~ vars.RE" << context({{"$RE", "a)"}}) << "not a valid regular";
}

void TestExpression::reportsEvaluationErrors()
{
    QFETCH(QString, expression);
    QFETCH(EvalContext, context);
    QFETCH(QString, fragment);

    const auto parsed = parseCondition(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const pw::Result<bool> result = parsed.value()->evaluate(context);
    QVERIFY2(!result.ok(), "the evaluation succeeded");
    QVERIFY2(result.error().message.contains(fragment), qPrintable(result.error().message));
}

void TestExpression::acceptsNestingUpToTheLimit_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("expected");

    QTest::newRow("100 parentheses") << repeated("(", 100) + "true" + repeated(")", 100) << true;
    QTest::newRow("100 nots") << repeated("!", 100) + "true" << true;
    QTest::newRow("99 nots inside a parenthesis") << "(" + repeated("!", 99) + "true)" << false;
}

void TestExpression::acceptsNestingUpToTheLimit()
{
    QFETCH(QString, expression);
    QFETCH(bool, expected);

    const auto parsed = parseCondition(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const pw::Result<bool> result = parsed.value()->evaluate(EvalContext());
    QVERIFY(result.ok());
    QCOMPARE(result.value(), expected);
}

void TestExpression::refusesHugeExpressionsQuickly_data()
{
    QTest::addColumn<QString>("expression");

    const int megabyte = 1024 * 1024;
    QTest::newRow("a megabyte of one word") << repeated("x", megabyte);
    QTest::newRow("a megabyte of opening parentheses") << repeated("(", megabyte);
    QTest::newRow("a megabyte of nots") << repeated("!", megabyte);
    QTest::newRow("a megabyte of an unterminated string") << "\"" + repeated("a", megabyte);
    QTest::newRow("a megabyte of short form") << "branch:" + repeated("*", megabyte);
}

void TestExpression::refusesHugeExpressionsQuickly()
{
    QFETCH(QString, expression);

    QElapsedTimer timer;
    timer.start();
    const auto parsed = parseCondition(expression);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().offset, 64 * 1024);
    QVERIFY2(parsed.error().message.contains(u"64 KiB"), qPrintable(parsed.error().message));
    QVERIFY2(timer.elapsed() < 1000, "refusing the expression took more than a second");
}

void TestExpression::evaluatesLongChainsFlat()
{
    // Thousands of operands in one chain must neither recurse deeply nor count as nesting.
    const QString expression = repeated("vars.A == \"x\" || ", 3000) + "branch == \"main\"";
    const auto parsed = parseCondition(expression);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const pw::Result<bool> result = parsed.value()->evaluate(context({{"branch", "main"}}));
    QVERIFY(result.ok());
    QVERIFY(result.value());
}

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
