#include "texteditcommand.h"

#include "editordocument.h"

namespace pw::gui {

TextEditCommand::TextEditCommand(EditorDocument &document, const edit::TextEdit &edit,
                                 const QString &description)
    : QUndoCommand(description)
    , m_document(document)
    , m_edit(edit)
    , m_inverse(edit.inverted())
{}

void TextEditCommand::redo()
{
    m_document.applyRecorded(m_edit);
}

void TextEditCommand::undo()
{
    m_document.applyRecorded(m_inverse);
}

} // namespace pw::gui
