#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace pw::edit {

// A value to write into a pipeline file: a text, a list or a map of values. Texts are
// written as the file reads them back (numbers and booleans are texts there too), quoted
// only when they must be.
class PropertyValue
{
public:
    enum class Kind { Text, List, Map };

    PropertyValue(const QString &text)
        : m_text(text)
    {}
    PropertyValue(const char *text)
        : m_text(QString::fromUtf8(text))
    {}
    // A list of texts.
    PropertyValue(const QStringList &texts);

    static PropertyValue list(std::vector<PropertyValue> items);
    // A map in the given order; keys must be distinct.
    static PropertyValue map(const QStringList &keys, std::vector<PropertyValue> values);

    Kind kind() const { return m_kind; }
    bool isText() const { return m_kind == Kind::Text; }
    const QString &text() const { return m_text; }
    const std::vector<PropertyValue> &items() const { return m_items; }
    const QStringList &keys() const { return m_keys; }
    bool isEmptyCollection() const { return m_kind != Kind::Text && m_items.empty(); }

private:
    PropertyValue() = default;

    Kind m_kind = Kind::Text;
    QString m_text;
    QStringList m_keys;                 // a map's
    std::vector<PropertyValue> m_items; // a list's items or a map's values
};

} // namespace pw::edit
