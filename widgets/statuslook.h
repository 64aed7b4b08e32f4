#pragma once

#include "core/model/status.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace pw::gui {

// How a status is shown: a translated word, a colour and an icon whose shape differs per
// status, so that no status is told apart by colour alone.
struct StatusLook
{
    QString text;
    QColor colour;
    QIcon icon;
};

StatusLook lookOf(RunStatus status);
StatusLook lookOf(StageStatus status);
StatusLook lookOf(JobStatus status);

} // namespace pw::gui
