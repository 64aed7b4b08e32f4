#pragma once

#include "core/edit/textedit.h"
#include "core/model/pipeline.h"
#include "core/util/result.h"

#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QStackedWidget;

namespace pw::edit {
class PipelineDocument;
}

namespace pw::gui {

class EditorDocument;

// The side panel that edits the selected job's properties (name, commands, env, timeout,
// retry, allow_failure, when, if, cache, artifacts, secrets) or the selected stage's (name,
// if, and its gate's approvers and timeout). Each field is checked as it is typed, by
// making the edit it would be: an invalid value shows its message beside the field and is
// not applied; a valid one is applied, as one undo step, when editing the field finishes.
class PropertyPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PropertyPanel(EditorDocument &document, QWidget *parent = nullptr);

    void showJob(const QString &job);
    void showStage(const QString &stage);
    void showNothing();
    // Shows the values of the document's current text again.
    void refresh();

    // The field of `key` ("timeout", "gate.approvers" ...) on the page shown, and the label
    // with its problem; null for an unknown key.
    QWidget *field(const QString &key) const;
    QLabel *problemOf(const QString &key) const;

signals:
    // An edit was refused (message) or made (empty message).
    void edited(const QString &message);
    void jobRenamed(const QString &job, const QString &newName);
    void stageRenamed(const QString &stage, const QString &newName);

private:
    using MakeEdit =
        std::function<Result<edit::TextEdit>(const edit::PipelineDocument &, const QString &)>;
    using ShowValue = std::function<QString(const Pipeline &, const QString &subject)>;
    enum class Page { Job, Stage };

    struct Field
    {
        Page page;
        QString key;
        QWidget *editor = nullptr;
        QLabel *problem = nullptr;
        MakeEdit makeEdit;
        ShowValue showValue;
        QString shown; // the value last shown, to tell a change from a visit
    };

    QWidget *createJobPage();
    QWidget *createStagePage();
    void addField(QFormLayout *form, Page page, const QString &key, const QString &label,
                  QWidget *editor, MakeEdit makeEdit, ShowValue showValue);
    void addJobTextField(QFormLayout *form, const QString &key, const QString &label);
    void check(Field &field);
    void apply(Field &field);
    const Field *findField(const QString &key) const;

    EditorDocument &m_document;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QList<Field> m_fields;
    Page m_page = Page::Job;
    QString m_subject; // the job or stage shown
    bool m_showing = false;
};

} // namespace pw::gui
