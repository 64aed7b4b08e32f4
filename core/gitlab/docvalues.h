#pragma once

#include "core/model/pipeline.h"
#include "document.h"

#include <optional>

namespace pw::gitlab {

// Readers of the values a GitLab CI file holds. Each reports a problem at the value, naming
// `key`, and returns nothing when the value has the wrong type or form.
class ValueReader
{
public:
    explicit ValueReader(loader::DiagnosticSink &sink)
        : m_sink(sink)
    {}

    loader::DiagnosticSink &sink() { return m_sink; }
    void error(const DocNode &at, const QString &message);
    void warning(const DocNode &at, const QString &message);

    // Any text; numbers and booleans count as texts.
    std::optional<QString> text(const DocNode &value, const QString &key);
    // true or false.
    std::optional<bool> boolean(const DocNode &value, const QString &key);
    std::optional<int> wholeNumber(const DocNode &value, const QString &key, int min, int max);
    // "30 minutes", "1h 30m", "3600": longer than zero.
    std::optional<Milliseconds> duration(const DocNode &value, const QString &key);
    // A text or a list of texts; nested lists are flattened (!reference makes them).
    std::optional<QStringList> textList(const DocNode &value, const QString &key);
    // A script: a text, or a list of texts and lists of texts, flattened, in order.
    std::optional<QStringList> script(const DocNode &value, const QString &key);
    // A `variables:` map of names to texts or to {value, expand, description}.
    std::optional<Variables> variables(const DocNode &value, const QString &key);
    // The entries of a map, with every key not in `allowed` reported as ignored, with a
    // suggestion when it looks like a typo of an allowed one.
    QList<DocEntry> entries(const DocNode &map, const QStringList &allowed, const QString &where);

private:
    bool flatten(const DocNode &value, const QString &key, int depth, QStringList &out);
    std::optional<Variable> variable(const DocEntry &entry);

    loader::DiagnosticSink &m_sink;
};

} // namespace pw::gitlab
