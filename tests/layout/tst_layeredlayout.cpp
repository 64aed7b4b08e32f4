#include "core/layout/layout.h"
#include "layoutsketch.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pw;
using namespace pw::layout;
using pw::test::generated;
using pw::test::nodeNamed;
using pw::test::sketch;

namespace {

Layout laidOut(const LayoutInput &input)
{
    const Result<Layout> layout = layOut(input);
    if (!layout) {
        qWarning("layout failed: %s", qPrintable(layout.error().message));
        return {};
    }
    return *layout;
}

// "key:lane.column" for every node, in input order.
QString columnsOf(const LayoutInput &input, const Layout &layout)
{
    QStringList places;
    for (int i = 0; i < input.nodes.size(); ++i)
        places.append(QStringLiteral("%1:%2.%3")
                          .arg(input.nodes.at(i).key)
                          .arg(layout.nodes.at(i).lane)
                          .arg(layout.nodes.at(i).column));
    return places.join(u' ');
}

// How many nodes of `before` are more than a unit away from where they were.
int movedNodes(const LayoutInput &before, const Layout &was, const LayoutInput &after,
               const Layout &now)
{
    int moved = 0;
    for (int i = 0; i < before.nodes.size(); ++i) {
        const int j = nodeNamed(after, before.nodes.at(i).key);
        if (j < 0)
            continue;
        const QPointF shift = now.nodes.at(j).box.center() - was.nodes.at(i).box.center();
        moved += shift.manhattanLength() > 1 ? 1 : 0;
    }
    return moved;
}

bool touches(const QRectF &box, const QPointF &point)
{
    return box.adjusted(-0.01, -0.01, 0.01, 0.01).contains(point);
}

} // namespace

class LayeredLayoutTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void columnsFollowNeedsInsideALane_data();
    void columnsFollowNeedsInsideALane();
    void lanesRunLeftToRightAndHoldTheirNodes();
    void crossingFreeGraphsAreDrawnWithoutCrossings_data();
    void crossingFreeGraphsAreDrawnWithoutCrossings();
    void orderingRemovesCrossingsOfTheFileOrder();
    void edgesRunFromBorderToBorderBesideOtherNodes();
    void smallChangesMoveFewNodes_data();
    void smallChangesMoveFewNodes();
    void pinnedNodesStayWhereTheyWerePut();
    void badInputIsRefusedWithWhatAndWhere_data();
    void badInputIsRefusedWithWhatAndWhere();
    void oddEdgesAreDrawnAndNoted_data();
    void oddEdgesAreDrawnAndNoted();
    void twoThousandJobsAreLaidOut();
};

void LayeredLayoutTest::init()
{
    test::failOnWarnings();
}

void LayeredLayoutTest::columnsFollowNeedsInsideALane_data()
{
    QTest::addColumn<QString>("lanes");
    QTest::addColumn<QString>("edges");
    QTest::addColumn<QString>("columns");

    QTest::newRow("jobs without needs share the first column") << "build: a b c"
                                                               << ""
                                                               << "a:0.0 b:0.0 c:0.0";
    QTest::newRow("a job needing one of its stage goes a column later") << "build: a b"
                                                                        << "a>b"
                                                                        << "a:0.0 b:0.1";
    QTest::newRow("a chain inside one stage takes a column per job") << "build: a b c"
                                                                     << "a>b b>c"
                                                                     << "a:0.0 b:0.1 c:0.2";
    QTest::newRow("the longest path inside the stage decides the column")
        << "build: a b c d"
        << "a>b b>c a>d c>d"
        << "a:0.0 b:0.1 c:0.2 d:0.3";
    QTest::newRow("needs of earlier stages keep a job in the first column")
        << "verify: a b; build: c d"
        << "a>c b>c a>d"
        << "a:0.0 b:0.0 c:1.0 d:1.0";
    QTest::newRow("a job listed before the job it needs still comes after it")
        << "build: late early"
        << "early>late"
        << "late:0.1 early:0.0";
}

void LayeredLayoutTest::columnsFollowNeedsInsideALane()
{
    QFETCH(QString, lanes);
    QFETCH(QString, edges);
    QFETCH(QString, columns);

    const LayoutInput input = sketch(lanes, edges);
    const Layout layout = laidOut(input);
    QCOMPARE(columnsOf(input, layout), columns);
    QCOMPARE(test::overlaps(layout), 0);
}

void LayeredLayoutTest::lanesRunLeftToRightAndHoldTheirNodes()
{
    const LayoutInput input = sketch("verify: a b; build: c d e; ship:", "a>c c>d b>e");
    const Layout layout = laidOut(input);
    QCOMPARE(layout.lanes.size(), 3);
    QCOMPARE(layout.lanes.at(1).columns, 2);
    QCOMPARE(layout.lanes.at(2).columns, 1);

    // Lanes side by side, as tall as each other, each holding its own nodes.
    for (int lane = 1; lane < layout.lanes.size(); ++lane) {
        QVERIFY(layout.lanes.at(lane).box.left() >= layout.lanes.at(lane - 1).box.right());
        QCOMPARE(layout.lanes.at(lane).box.top(), layout.lanes.at(0).box.top());
        QCOMPARE(layout.lanes.at(lane).box.bottom(), layout.lanes.at(0).box.bottom());
    }
    for (const NodePlace &node : layout.nodes) {
        const LanePlace &lane = layout.lanes.at(node.lane);
        QVERIFY(lane.box.contains(node.box));
        QVERIFY(!lane.header.intersects(node.box));
    }
    QVERIFY(layout.bounds.contains(layout.lanes.at(2).box));
}

void LayeredLayoutTest::crossingFreeGraphsAreDrawnWithoutCrossings_data()
{
    QTest::addColumn<QString>("lanes");
    QTest::addColumn<QString>("edges");

    QTest::newRow("pairs listed in opposite orders") << "a: a1 a2 a3 a4; b: b1 b2 b3 b4"
                                                     << "a1>b4 a2>b3 a3>b2 a4>b1";
    QTest::newRow("a tree whose leaves are listed scrambled")
        << "root: r; mid: m1 m2; leaves: l4 l1 l3 l2"
        << "r>m1 r>m2 m1>l1 m1>l2 m2>l3 m2>l4";
    QTest::newRow("two separate chains interleaved in the file") << "a: x1 y1; b: y2 x2; c: x3 y3"
                                                                 << "x1>x2 x2>x3 y1>y2 y2>y3";
    QTest::newRow("a diamond per stage pair") << "a: p q; b: q1 p1 p2 q2; c: q3 p3"
                                              << "p>p1 p>p2 p1>p3 p2>p3 q>q1 q>q2 q1>q3 q2>q3";
}

void LayeredLayoutTest::crossingFreeGraphsAreDrawnWithoutCrossings()
{
    QFETCH(QString, lanes);
    QFETCH(QString, edges);

    const LayoutInput input = sketch(lanes, edges);
    const Layout layout = laidOut(input);
    QCOMPARE(layout.crossings, 0);
    QCOMPARE(test::drawnCrossings(input, layout), 0);
}

void LayeredLayoutTest::orderingRemovesCrossingsOfTheFileOrder()
{
    // In file order every edge of `a` crosses the others; the best order keeps only the one
    // crossing the K2,2 of c1, c2, d1, d2 cannot avoid.
    const LayoutInput input = sketch("a: a1 a2 a3 a4 c1 c2; b: b4 b3 b2 b1 d1 d2",
                                     "a1>b1 a2>b2 a3>b3 a4>b4 c1>d1 c1>d2 c2>d1 c2>d2");
    LayoutInput fileOrder = input;
    for (int i = 0; i < input.nodes.size(); ++i)
        fileOrder.pinned.insert(input.nodes.at(i).key,
                                QPointF(input.nodes.at(i).lane * 300.0, (i % 6) * 100.0));
    const Layout pinnedLayout = laidOut(fileOrder);
    QCOMPARE(test::drawnCrossings(fileOrder, pinnedLayout), 7);

    const Layout layout = laidOut(input);
    QCOMPARE(layout.crossings, 1);
    QCOMPARE(test::drawnCrossings(input, layout), 1);
}

void LayeredLayoutTest::edgesRunFromBorderToBorderBesideOtherNodes()
{
    const LayoutInput input = generated(6, 8, 3, 7);
    const Layout layout = laidOut(input);
    QCOMPARE(layout.edges.size(), input.edges.size());
    QCOMPARE(test::overlaps(layout), 0);

    for (int e = 0; e < input.edges.size(); ++e) {
        const EdgeRoute &route = layout.edges.at(e);
        const QRectF from = layout.nodes.at(nodeNamed(input, input.edges.at(e).from)).box;
        const QRectF to = layout.nodes.at(nodeNamed(input, input.edges.at(e).to)).box;
        QCOMPARE(route.kind, EdgeKind::Forward);
        QVERIFY(route.points.size() >= 2);
        QVERIFY(touches(from, route.points.first()));
        QVERIFY(touches(to, route.points.last()));

        // Where an edge passes a column it runs level beside the nodes there, not through.
        for (int p = 1; p + 2 < route.points.size(); p += 2) {
            const QRectF pass = QRectF(route.points.at(p), route.points.at(p + 1)).normalized();
            QCOMPARE(route.points.at(p).y(), route.points.at(p + 1).y());
            for (const NodePlace &node : layout.nodes)
                QVERIFY(!node.box.intersects(pass.adjusted(0, -0.5, 0, 0.5)));
        }
    }
}

void LayeredLayoutTest::smallChangesMoveFewNodes_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("mostMoved");

    QTest::newRow("adding a job with needs moves few others") << "add" << 4;
    QTest::newRow("removing a job moves few others") << "remove" << 4;
    QTest::newRow("renaming a job moves few others") << "rename" << 4;
    QTest::newRow("adding one need moves few others") << "edge" << 4;
    QTest::newRow("laying out the same pipeline again moves none") << "none" << 0;
}

void LayeredLayoutTest::smallChangesMoveFewNodes()
{
    QFETCH(QString, change);
    QFETCH(int, mostMoved);

    const LayoutInput before = generated(5, 10, 2, 11);
    const Layout was = laidOut(before);
    LayoutInput after = before;
    if (change == QLatin1String("add")) {
        after.nodes.append({QStringLiteral("new"), 3, {}});
        after.edges.append({QStringLiteral("s2j4"), QStringLiteral("new")});
        after.edges.append({QStringLiteral("s1j7"), QStringLiteral("new")});
    } else if (change == QLatin1String("remove")) {
        const QString gone = QStringLiteral("s2j5");
        after.nodes.removeAt(nodeNamed(after, gone));
        after.edges.removeIf([&](const LayoutEdge &e) { return e.from == gone || e.to == gone; });
    } else if (change == QLatin1String("rename")) {
        const int renamed = nodeNamed(after, QStringLiteral("s3j2"));
        for (LayoutEdge &edge : after.edges) {
            edge.from.replace(QStringLiteral("s3j2"), QStringLiteral("renamed"));
            edge.to.replace(QStringLiteral("s3j2"), QStringLiteral("renamed"));
        }
        after.nodes[renamed].key = QStringLiteral("renamed");
    } else if (change == QLatin1String("edge")) {
        after.edges.append({QStringLiteral("s0j1"), QStringLiteral("s2j8")});
    }
    after.previous = hintFrom(before, was);

    const Layout now = laidOut(after);
    QCOMPARE(test::overlaps(now), 0);
    const int moved = movedNodes(before, was, after, now);
    QVERIFY2(moved <= mostMoved, qPrintable(QStringLiteral("%1 nodes moved").arg(moved)));
}

void LayeredLayoutTest::pinnedNodesStayWhereTheyWerePut()
{
    LayoutInput input = generated(4, 6, 2, 5);
    const QPointF dragged(1000, -40);
    const QPointF inPlace(laidOut(input).nodes.at(8).box.left(), 200);
    input.pinned.insert(input.nodes.at(3).key, dragged);
    input.pinned.insert(input.nodes.at(8).key, inPlace);

    const Layout layout = laidOut(input);
    QCOMPARE(layout.nodes.at(3).box.topLeft(), dragged);
    QCOMPARE(layout.nodes.at(8).box.topLeft(), inPlace);
    QVERIFY(layout.nodes.at(3).pinned);
    QVERIFY(!layout.nodes.at(4).pinned);
    // The pinned node's column makes room for it.
    QCOMPARE(test::overlaps(layout), 0);
    QVERIFY(layout.bounds.contains(layout.nodes.at(3).box));
}

void LayeredLayoutTest::badInputIsRefusedWithWhatAndWhere_data()
{
    QTest::addColumn<QString>("lanes");
    QTest::addColumn<QString>("edges");
    QTest::addColumn<QString>("message");

    QTest::newRow("an edge to an unknown node names the edge and the node")
        << "a: x y"
        << "x>y y>zz"
        << "edge 1 ('y' -> 'zz'): no node is named 'zz'";
    QTest::newRow("an edge from an unknown node names it too")
        << "a: x y"
        << "q>y"
        << "edge 0 ('q' -> 'y'): no node is named 'q'";
    QTest::newRow("two nodes of one name are refused") << "a: x y; b: x"
                                                       << ""
                                                       << "nodes 0 and 2 are both named 'x'";
    QTest::newRow("a node without a key is refused") << "a: x"
                                                     << ""
                                                     << "node 1 has no key";
    QTest::newRow("a node in a lane that does not exist is refused")
        << "a: x"
        << ""
        << "node 'far' is in lane 5, but there are 1 lanes";
    QTest::newRow("a bad node size is refused") << "a: x"
                                                << ""
                                                << "node 'x' has a bad size";
    QTest::newRow("a pin to nowhere is refused") << "a: x"
                                                 << ""
                                                 << "node 'x' is pinned to a "
                                                    "bad position";
    QTest::newRow("more nodes than the limit are refused")
        << "a:"
        << ""
        << "20001 nodes are more than the 20000 a layout takes";
}

void LayeredLayoutTest::badInputIsRefusedWithWhatAndWhere()
{
    QFETCH(QString, lanes);
    QFETCH(QString, edges);
    QFETCH(QString, message);

    LayoutInput input = sketch(lanes, edges);
    const QString row = QString::fromLatin1(QTest::currentDataTag());
    if (row.contains(QLatin1String("without a key")))
        input.nodes.append({QString(), 0, {}});
    if (row.contains(QLatin1String("does not exist")))
        input.nodes.append({QStringLiteral("far"), 5, {}});
    if (row.contains(QLatin1String("size")))
        input.nodes[0].size = QSizeF(-3, 10);
    if (row.contains(QLatin1String("nowhere")))
        input.pinned.insert(QStringLiteral("x"), QPointF(qQNaN(), 0));
    for (int i = 0; row.contains(QLatin1String("limit")) && i <= maxNodes; ++i)
        input.nodes.append({QString::number(i), 0, {}});

    const Result<Layout> layout = layOut(input);
    QVERIFY(!layout);
    QCOMPARE(layout.error().message, message);
}

void LayeredLayoutTest::oddEdgesAreDrawnAndNoted_data()
{
    QTest::addColumn<QString>("lanes");
    QTest::addColumn<QString>("edges");
    QTest::addColumn<QString>("kinds");
    QTest::addColumn<QString>("notes");

    QTest::newRow("two jobs of a stage needing each other break the cycle once")
        << "build: a b"
        << "a>b b>a"
        << "F B"
        << "'b' -> 'a' closes a cycle in lane build; "
           "drawn backward";
    QTest::newRow("a cycle of three in a stage is broken at its last edge")
        << "build: a b c"
        << "a>b b>c c>a"
        << "F F B"
        << "'c' -> 'a' closes a cycle in lane build; drawn backward";
    QTest::newRow("a job needing itself is drawn as a loop") << "build: a"
                                                             << "a>a"
                                                             << "L"
                                                             << "'a' needs itself";
    QTest::newRow("a need of a later stage is drawn backward")
        << "verify: a; build: b"
        << "b>a"
        << "B"
        << "'a' in lane verify needs 'b' of the later lane build; drawn backward";
    QTest::newRow("the same need twice is drawn twice over one path") << "verify: a; build: b"
                                                                      << "a>b a>b"
                                                                      << "F F"
                                                                      << "";
}

void LayeredLayoutTest::oddEdgesAreDrawnAndNoted()
{
    QFETCH(QString, lanes);
    QFETCH(QString, edges);
    QFETCH(QString, kinds);
    QFETCH(QString, notes);

    const LayoutInput input = sketch(lanes, edges);
    const Layout layout = laidOut(input);
    QStringList drawn;
    for (int e = 0; e < layout.edges.size(); ++e) {
        const EdgeRoute &route = layout.edges.at(e);
        drawn.append(route.kind == EdgeKind::Forward    ? QStringLiteral("F")
                     : route.kind == EdgeKind::Backward ? QStringLiteral("B")
                                                        : QStringLiteral("L"));
        const QRectF from = layout.nodes.at(nodeNamed(input, input.edges.at(e).from)).box;
        const QRectF to = layout.nodes.at(nodeNamed(input, input.edges.at(e).to)).box;
        QVERIFY(touches(from, route.points.first()));
        QVERIFY(touches(to, route.points.last()));
    }
    QCOMPARE(drawn.join(u' '), kinds);
    QCOMPARE(layout.notes.join(u'\n'), notes);
    QCOMPARE(test::overlaps(layout), 0);
}

void LayeredLayoutTest::twoThousandJobsAreLaidOut()
{
    // Timing belongs to bench/layout_bench; here the large layout must only be sound.
    const LayoutInput input = generated(20, 100, 3, 2000);
    QVERIFY(input.edges.size() > 2000);
    const Result<Layout> layout = layOut(input);
    QVERIFY2(layout, layout ? "" : qPrintable(layout.error().message));
    QCOMPARE(layout->nodes.size(), 2000);
    QCOMPARE(layout->edges.size(), input.edges.size());

    // Nodes of one column stand apart, top to bottom in their rows.
    QHash<QPair<int, int>, QList<int>> columns;
    for (int i = 0; i < layout->nodes.size(); ++i)
        columns[{layout->nodes.at(i).lane, layout->nodes.at(i).column}].append(i);
    for (const QList<int> &column : std::as_const(columns)) {
        for (int a : column) {
            for (int b : column) {
                const NodePlace &x = layout->nodes.at(a);
                const NodePlace &y = layout->nodes.at(b);
                if (x.row < y.row)
                    QVERIFY(x.box.bottom() < y.box.top());
            }
        }
    }
}

QTEST_GUILESS_MAIN(LayeredLayoutTest)
#include "tst_layeredlayout.moc"
