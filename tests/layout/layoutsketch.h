#pragma once

#include "core/layout/layout.h"

#include <QString>

// Small pipelines for the layout tests, written as text so a test row reads like the graph.
namespace pw::test {

// "lane: a b c; lane2: d e" lists the lanes and their nodes in order; "a>d c>e" the edges.
layout::LayoutInput sketch(const QString &lanes, const QString &edges = {});

// A pipeline of `stages` lanes with `jobsPerStage` nodes each, every node needing up to
// `maxNeeds` nodes of the two lanes before or earlier in its own; the seed fixes it.
layout::LayoutInput generated(int stages, int jobsPerStage, int maxNeeds, quint32 seed);

// The node's index in `input`, or -1.
int nodeNamed(const layout::LayoutInput &input, const QString &key);

// Crossings counted from the drawing: pairs of edges between the same two neighbouring
// columns whose ends come in opposite orders. Needs every edge to join neighbouring columns.
int drawnCrossings(const layout::LayoutInput &input, const layout::Layout &layout);

// Pairs of nodes whose boxes overlap.
int overlaps(const layout::Layout &layout);

} // namespace pw::test
