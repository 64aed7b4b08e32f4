#pragma once

#include "core/model/variable.h"

#include <QStringList>

#include <optional>

namespace pw {

// What a run is for: where its code comes from, what started it and with what values.
struct RunContext
{
    QString branch;
    QString commit;
    QString tag;
    QString event = QStringLiteral("manual");
    // Values given for this run (`--var K=V`); they override the pipeline's variables.
    Variables variables;
    // Who started the run: the operating-system user, or the database login in shared mode.
    QString triggeredBy;
    // A run started by hand ignores `on:` unless this is set.
    bool respectTriggers = false;
    // The files the run's code changes, relative to the pipeline's folder, for GitLab's
    // `rules: changes`. Unset when there is nothing to compare with: `changes` then holds.
    std::optional<QStringList> changedFiles;
};

} // namespace pw
