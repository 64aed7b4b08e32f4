#pragma once

#include "syntaxtree.h"

#include <QList>
#include <QString>

namespace pw::edit {

// Where one job is written: its item in its stage's `jobs` list, which is its map unless
// the item is an alias (named then by the map it stands for).
struct JobPlace
{
    QString name;
    int item = -1;
    int map = -1; // -1 when the item is not a map of its own
    int stage = 0;
    int index = 0; // in the stage's jobs
};

struct StagePlace
{
    QString name;
    int item = -1;
    int map = -1;
    int jobs = -1; // the `jobs` list, or -1
    int index = 0;
    QList<JobPlace> jobPlaces;
};

// The stages and jobs of a pipeline file, found in its syntax tree by their names.
struct PipelineOutline
{
    int root = -1;   // the top-level map
    int stages = -1; // the `stages` list
    QList<StagePlace> stagePlaces;

    static PipelineOutline of(const SyntaxTree &tree);

    const StagePlace *findStage(const QString &name) const;
    const JobPlace *findJob(const QString &name) const;
};

} // namespace pw::edit
