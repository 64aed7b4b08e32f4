#pragma once

#include "core/util/diagnostic.h"
#include "core/util/result.h"

namespace pw::planner {

// An error of the planner, led by the place in the file it concerns when that is known, in
// the "file:line:column: message" form editors understand.
inline Error planError(const SourceLocation &location, const QString &message)
{
    const QString where = location.toString();
    if (where.isEmpty())
        return Error{message};
    return Error{where + QStringLiteral(": ") + message};
}

} // namespace pw::planner
