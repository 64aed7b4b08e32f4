#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTableView;
class QSplitter;
class QToolButton;

namespace pw::gui {

class LogLineDelegate;
class LogLinesModel;
class LogSearch;
class RunLogSearch;

// A job's log: the lines of a LogLinesModel in colour, in a view that follows the tail while
// the user is at the bottom. A search bar (Ctrl+F; F3 and Shift+F3 step; Esc closes) counts
// and marks matches in this job, or lists the matching lines of every job of the run. The
// selected lines can be copied and the whole log saved, both without escape sequences.
class LogView : public QWidget
{
    Q_OBJECT

public:
    enum class Scope { Job, Run };

    explicit LogView(LogLinesModel &model, QWidget *parent = nullptr);

    // The job's lines: a table of one column with fixed, equal rows, which takes new rows at
    // a cost that does not grow with the log (a list view lays every row out again).
    QTableView *linesView() const { return m_list; }
    QWidget *searchBar() const { return m_bar; }
    QLineEdit *searchField() const { return m_search; }
    QToolButton *caseToggle() const { return m_case; }
    QComboBox *scopeBox() const { return m_scope; }
    QLabel *matchLabel() const { return m_matchLabel; }
    QToolButton *saveButton() const { return m_save; }
    // The lines of the run the search found, shown for the whole-run scope.
    QListView *runResults() const { return m_results; }
    QLabel *runLabel() const { return m_runLabel; }
    QLabel *statusLabel() const { return m_status; }
    LogSearch &search() const { return *m_jobSearch; }

    // What the whole-run scope searches; without one only this job can be searched.
    void setRunSearch(RunLogSearch *search);
    void setScope(Scope scope);
    Scope scope() const;

    void setSearchText(const QString &text);
    // Matches counted in this job so far.
    int matchCount() const;
    // The match shown (from 0), or -1.
    int currentMatch() const { return m_current; }
    void nextMatch();
    void previousMatch();
    void openSearch();
    void closeSearch();

    // Whether new lines scroll the view down: the user is at the bottom (or has not moved).
    bool followsTail() const;
    // Selects `line` and scrolls to it, reading the log up to it first when it is stored.
    void revealLine(qint64 line);
    // Puts the selected lines (or the current one) on the clipboard without escapes.
    void copySelection();
    // Asks where to save the log, then saves it there.
    void saveLog();
    // Writes the whole log to `path` on a worker thread; logSaved tells how it went.
    void saveLogTo(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // A line of the run's search results was picked: show that job's log at that line.
    void runMatchActivated(int job, qint64 line);
    void logSaved(const QString &path, const QString &error);

private:
    void setUpLines();
    // Keeps the one column as wide as the longest line, for the horizontal scroll bar.
    void fitColumn();
    void buildSearchBar();
    void buildActions();
    void onAboutToInsert();
    void onRowsInserted();
    void onReset();
    void restartSearch();
    void onMatchesChanged();
    void showMatch(int match);
    void tryReveal();
    void updateMatchLabel();
    void updateRunLabel();

    LogLinesModel &m_model;
    LogSearch *m_jobSearch = nullptr;
    LogLineDelegate *m_delegate = nullptr;
    RunLogSearch *m_runSearch = nullptr;
    QTableView *m_list = nullptr;
    qsizetype m_fittedLongest = -1;
    int m_textWidth = 0;
    QWidget *m_bar = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_case = nullptr;
    QComboBox *m_scope = nullptr;
    QLabel *m_matchLabel = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
    QToolButton *m_save = nullptr;
    QLabel *m_status = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_runBox = nullptr;
    QLabel *m_runLabel = nullptr;
    QListView *m_results = nullptr;
    int m_current = -1;
    qint64 m_revealLine = -1; // waiting to be read from the store
    qint64 m_anchorLine = -1; // the line revealed: its match becomes the current one
    bool m_atBottom = true;
};

} // namespace pw::gui
