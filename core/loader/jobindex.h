#pragma once

#include "core/model/pipeline.h"

#include <QHash>

namespace pw::loader {

// The jobs of a pipeline in file order with their stages, and each name's first job.
struct JobIndex
{
    struct Entry
    {
        const Job *job;
        int stage;
    };

    QList<Entry> jobs;
    QHash<QString, int> byName;
    QStringList names;

    const Entry *find(const QString &name) const
    {
        const auto it = byName.constFind(name);
        return it == byName.cend() ? nullptr : &jobs[*it];
    }
};

} // namespace pw::loader
