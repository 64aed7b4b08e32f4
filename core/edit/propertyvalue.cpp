#include "propertyvalue.h"

namespace pw::edit {

PropertyValue::PropertyValue(const QStringList &texts)
    : m_kind(Kind::List)
{
    for (const QString &text : texts)
        m_items.emplace_back(text);
}

PropertyValue PropertyValue::list(std::vector<PropertyValue> items)
{
    PropertyValue value;
    value.m_kind = Kind::List;
    value.m_items = std::move(items);
    return value;
}

PropertyValue PropertyValue::map(const QStringList &keys, std::vector<PropertyValue> values)
{
    PropertyValue value;
    value.m_kind = Kind::Map;
    value.m_keys = keys;
    value.m_items = std::move(values);
    value.m_items.resize(size_t(keys.size()), PropertyValue(QString()));
    return value;
}

} // namespace pw::edit
