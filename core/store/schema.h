#pragma once

#include "core/util/result.h"
#include "sqldialect.h"

#include <QSqlDatabase>
#include <QString>

namespace pw {

// The schema version this build creates and understands: the number of its migrations.
int latestSchemaVersion();

// The schema version recorded in the open database `db`; 0 when it has none yet.
// `where` names the store in messages.
Result<int> readSchemaVersion(const QSqlDatabase &db, const QString &where);

// Brings the schema of the open database `db` up to `target` in one transaction, applying
// each migration it lacks in order; a failed migration leaves the database as it was.
// Refuses a database whose schema is newer than this build knows. Never goes down.
Status migrateSchema(const QSqlDatabase &db, const SqlDialect &dialect, const QString &where,
                     int target = latestSchemaVersion());

} // namespace pw
