#pragma once

#include "pipelinedocument.h"
#include "splicebuilder.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace pw::edit {

// A stage's name and its jobs' names, in the order of the file.
struct StageOrder
{
    QString stage;
    QStringList jobs;

    bool operator==(const StageOrder &) const = default;
};

// What an edit means to change in the pipeline; the check refuses an edit that changes
// anything else, as an edit of text that an anchor shares with other places would.
struct EditScope
{
    QSet<QString> changedJobs; // by their old names
    QSet<QString> removedJobs;
    QHash<QString, QString> renamedJobs; // old name to new
    QSet<QString> changedStages;
    QSet<QString> removedStages;
    QHash<QString, QString> renamedStages;
    QSet<QString> addedJobs;
    QSet<QString> addedStages;
    // When not empty, the order of stages and jobs the edit must leave (a move's).
    QList<StageOrder> order;
};

// The document as an edit operation needs it: a valid pipeline with a syntax tree.
Status requireEditable(const PipelineDocument &document);

// The edit the builder holds, once the text it makes loads without errors and changes the
// pipeline only as `scope` says; else why it cannot be made.
Result<TextEdit> checkedEdit(const PipelineDocument &document, const SpliceBuilder &builder,
                             const EditScope &scope);

// Messages shared by the operations.
QString noSuchJob(const PipelineDocument &document, const QString &job);
QString noSuchStage(const PipelineDocument &document, const QString &stage);
Status checkNewJobName(const PipelineDocument &document, const QString &name);
Status checkNewStageName(const PipelineDocument &document, const QString &name);

} // namespace pw::edit
