#include "variable.h"

namespace pw {

void setVariable(Variables &variables, const QString &name, const QString &value, bool expand)
{
    for (Variable &variable : variables) {
        if (variable.name == name) {
            variable.value = value;
            variable.expand = expand;
            return;
        }
    }
    variables.append({name, value, expand});
}

QString variableValue(const Variables &variables, const QString &name)
{
    for (const Variable &variable : variables) {
        if (variable.name == name)
            return variable.value;
    }
    return QString();
}

Variables mergedVariables(Variables base, const Variables &overrides)
{
    for (const Variable &variable : overrides)
        setVariable(base, variable.name, variable.value, variable.expand);
    return base;
}

} // namespace pw
