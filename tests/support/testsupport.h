#pragma once

#include "core/model/status.h"

#include <QDir>
#include <QRegularExpression>
#include <QString>
#include <QTest>

namespace pw::test {

// Makes every warning logged while a test function runs a failure of that function, unless
// the test announced it with QTest::ignoreMessage. Call from init().
inline void failOnWarnings()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

// The repository's source folder, for reading examples and test data in place.
inline QString sourceDir()
{
    return QStringLiteral(PIPEWRIGHT_SOURCE_DIR);
}
inline QString binaryDir()
{
    return QStringLiteral(PIPEWRIGHT_BINARY_DIR);
}

// The material shared beside the repository (../shared), or an empty string when absent.
inline QString sharedDir()
{
    const QString dir = QDir(sourceDir()).absoluteFilePath(QStringLiteral("../shared"));
    return QDir(dir).exists() ? QDir(dir).canonicalPath() : QString();
}

// Whether this build runs under AddressSanitizer or ThreadSanitizer, whose checks, shadow
// memory and quarantine make time and memory figures several times the code's own.
constexpr bool underSanitizer()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

} // namespace pw::test

// Lets QCOMPARE print statuses by their names.
namespace QTest {
template<>
inline char *toString(const pw::RunStatus &status)
{
    return qstrdup(qPrintable(pw::keyword(status)));
}
template<>
inline char *toString(const pw::StageStatus &status)
{
    return qstrdup(qPrintable(pw::keyword(status)));
}
template<>
inline char *toString(const pw::JobStatus &status)
{
    return qstrdup(qPrintable(pw::keyword(status)));
}
} // namespace QTest
