#pragma once

#include <QByteArray>
#include <QString>

namespace pw::edit {

// The text of a new pipeline file named `name`: one stage with one job, and comments that
// say what each part is for. It loads without errors for any name the loader accepts.
QByteArray newPipelineText(const QString &name = QStringLiteral("my-pipeline"));

} // namespace pw::edit
