#pragma once

#include <QList>
#include <QString>

namespace pw {

// A variable as a pipeline file declares it. Order matters: later variables may refer to
// earlier ones, and a later declaration of the same name wins.
struct Variable
{
    QString name;
    QString value;
    // GitLab's `expand: false` keeps "$OTHER" in the value as written.
    bool expand = true;
};

using Variables = QList<Variable>;

// Sets `name` in `variables`, replacing an earlier value in place.
void setVariable(Variables &variables, const QString &name, const QString &value,
                 bool expand = true);
// The value of `name`, or a null QString when it is not set.
QString variableValue(const Variables &variables, const QString &name);
// `base` with every variable of `overrides` set on top.
Variables mergedVariables(Variables base, const Variables &overrides);

} // namespace pw
