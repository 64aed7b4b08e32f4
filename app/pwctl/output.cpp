#include "output.h"

#include <cstdio>

namespace pw::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString &message)
{
    err() << "pwctl: " << message << Qt::endl;
    return ExitUsage;
}

} // namespace pw::cli
