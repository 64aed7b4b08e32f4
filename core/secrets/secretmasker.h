#pragma once

#include "secretresolver.h"

#include <QByteArray>
#include <QList>

#include <array>
#include <vector>

namespace pw {

// Hides a job's secret values in its output. Built from the values the job gets; mask()
// replaces every occurrence of every value with "****".
//
// Output is masked a line at a time, so a value that spans lines is masked line by line:
// each of its lines (without "\r") is looked for on its own. Empty and blank lines of a
// value are ignored, since masking every space would hide the log and reveal nothing.
// Where occurrences overlap or touch (one value inside another, two values sharing bytes or
// side by side), the whole stretch they cover becomes one "****", so no part of either shows.
//
// The values are compiled into one automaton (Aho-Corasick), so mask() reads each byte of
// its input once, however many secrets there are.
class SecretMasker
{
public:
    SecretMasker() = default;
    explicit SecretMasker(const QList<QByteArray> &values);
    explicit SecretMasker(const SecretValues &values);

    // True when there is nothing to hide: mask() returns its input.
    bool isEmpty() const { return m_longest.size() <= 1; }

    // `lines` with every secret replaced. Give it whole lines (a value split between two
    // calls is not recognised); any bytes are fine.
    QByteArray mask(const QByteArray &lines) const;

    static QByteArray replacement() { return QByteArrayLiteral("****"); }

private:
    struct Edge
    {
        int byteClass;
        int target;
    };

    void build(const QList<QByteArray> &values);
    void addPattern(const QByteArray &pattern);
    void linkFailures();
    void buildTable();
    int child(int state, int byteClass) const;
    // The next state by the failure links, for when there is no table.
    int step(int state, int byteClass) const;

    // Each byte that occurs in a pattern has a class of its own; all others share class 0.
    std::array<int, 256> m_classOf{};
    int m_classes = 1;

    // The trie of the patterns, by state; state 0 is the root.
    std::vector<std::vector<Edge>> m_children{{}};
    std::vector<int> m_depth{0};
    std::vector<int> m_failure{0};
    // The length of the longest pattern that ends where this state is reached; 0 for none.
    std::vector<int> m_longest{0};

    // Every transition, at state * m_classes + class, when that table is not too big (see
    // buildTable() for what an entry holds); mask() follows failure links otherwise.
    std::vector<int> m_table;
};

} // namespace pw
