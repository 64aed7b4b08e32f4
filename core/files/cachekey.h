#pragma once

#include "core/model/pipeline.h"

#include <QStringList>

namespace pw::files {

// The exact key of a cache and what went into it.
struct CacheKey
{
    QString key;
    // One line per input for the job's log: "package-lock.json sha256 3f2a..." or
    // "the job's commands sha256 ...".
    QStringList inputs;
};

// The key of `cache` for `job` in the folder `root`: the cache's key (or "default") followed
// by a digest of the contents of its `files`, in name order, and of the job's commands when
// no key is given. A cache with a key and no files keeps its key as it is. A missing file
// counts as missing; a symbolic link by its text, never followed.
CacheKey cacheKeyFor(const CacheSpec &cache, const Job &job, const QString &root);

} // namespace pw::files
