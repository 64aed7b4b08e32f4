#pragma once

#include "core/edit/textedit.h"

#include <QUndoCommand>

namespace pw::gui {

class EditorDocument;

// One change of a pipeline file as an undo step: redo applies the edit, undo its inverse,
// each to the text the other left, so that both give back the bytes exactly.
class TextEditCommand : public QUndoCommand
{
public:
    TextEditCommand(EditorDocument &document, const edit::TextEdit &edit,
                    const QString &description);

    void redo() override;
    void undo() override;

private:
    EditorDocument &m_document;
    edit::TextEdit m_edit;
    edit::TextEdit m_inverse;
};

} // namespace pw::gui
