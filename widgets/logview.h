#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QToolButton;

namespace pw::gui {

class LogLinesModel;

// A job's log: the lines of a LogLinesModel in a list that follows the tail while the user
// is at the bottom, with a search bar that counts matches and steps through them.
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(LogLinesModel &model, QWidget *parent = nullptr);

    QListView *listView() const { return m_list; }
    QLineEdit *searchField() const { return m_search; }
    QLabel *matchLabel() const { return m_matchLabel; }

    void setSearchText(const QString &text);
    int matchCount() const { return int(m_matches.size()); }
    // The match shown (from 0), or -1.
    int currentMatch() const { return m_current; }
    void nextMatch();
    void previousMatch();

private:
    void onAboutToInsert();
    void onRowsInserted(int first);
    void onReset();
    void search();
    void showMatch(int match);
    void updateMatchLabel();

    LogLinesModel &m_model;
    QListView *m_list = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matchLabel = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QList<int> m_matches;
    int m_current = -1;
    bool m_atBottom = true;
};

} // namespace pw::gui
