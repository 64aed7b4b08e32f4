#pragma once

#include <QAtomicInt>
#include <QString>
#include <QtGlobal>

#include <functional>

namespace pw::test {

// While it lives, keeps the warnings `tolerated` accepts from failing the test, and counts
// them; any other warning still fails it. Unlike QTest::ignoreMessage it accepts a warning
// that may come or not, any number of times, from any thread. One at a time.
class ToleratedWarnings
{
public:
    explicit ToleratedWarnings(std::function<bool(const QString &)> tolerated);
    ~ToleratedWarnings();
    ToleratedWarnings(const ToleratedWarnings &) = delete;
    ToleratedWarnings &operator=(const ToleratedWarnings &) = delete;

    static int count();

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text);

    static inline std::function<bool(const QString &)> s_tolerated;
    static inline QAtomicInt s_count;
    static inline QtMessageHandler s_next = nullptr;
};

// Qt's PostgreSQL driver, when a prepared statement is freed after the server went away; it
// comes or not depending on when the connection noticed. The driver sends DEALLOCATE from the
// statement's destructor whatever the connection's state, and freeing it any other way (a new
// prepare, clear()) goes through the same path: the store has no clean way around it.
bool isLostStatementWarning(const QString &text);

} // namespace pw::test
