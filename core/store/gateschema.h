#pragma once

#include "sqldialect.h"

#include <QStringList>

namespace pw {

// The tables of gates, gate decisions and resource claims, and the rules the database itself
// enforces on them: decisions are never changed or removed, and a gate's rules never change
// once the run has reached it. On PostgreSQL the database also decides who a decision is
// from (the login of the connection that makes it), refuses anyone who may not decide, and
// refuses a recorded outcome the decisions do not support, whatever the client sends.
QStringList gateSchema(const SqlDialect &dialect);

} // namespace pw
