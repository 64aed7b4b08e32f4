#include "core/threads/mailbox.h"
#include "core/threads/pooltask.h"

#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace pw;

namespace {

// A thread running its event loop with a mailbox in it; both end with this.
struct MailboxThread
{
    MailboxThread()
    {
        mailbox->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, mailbox, &QObject::deleteLater);
        thread.start();
    }
    ~MailboxThread()
    {
        thread.quit();
        thread.wait();
    }

    QThread thread;
    Mailbox *mailbox = new Mailbox;
};

} // namespace

class MailboxTest : public QObject
{
    Q_OBJECT

private slots:
    void runsWorkInItsThreadInTheOrderPosted()
    {
        MailboxThread worker;
        // Plain data written here and read there: the mailbox is what orders the two.
        QList<int> seen;
        QList<QThread *> threads;

        for (int number = 0; number < 100; ++number) {
            worker.mailbox->post([&seen, &threads, number] {
                seen.append(number);
                threads.append(QThread::currentThread());
            });
        }
        worker.mailbox->postAndWait([] {});

        QCOMPARE(seen.size(), 100);
        for (int number = 0; number < 100; ++number)
            QCOMPARE(seen[number], number);
        for (QThread *thread : std::as_const(threads))
            QCOMPARE(thread, &worker.thread);
    }

    void postAndWaitReturnsOnceTheWorkHasRun()
    {
        MailboxThread worker;
        QString answer;

        worker.mailbox->postAndWait([&answer] {
            QThread::msleep(50);
            answer = QStringLiteral("done");
        });

        QCOMPARE(answer, QStringLiteral("done"));
    }

    void postAndWaitInItsOwnThreadRunsAtOnce()
    {
        Mailbox here;
        bool ran = false;

        here.postAndWait([&ran] { ran = true; });

        QVERIFY(ran);
    }

    void postedWorkRunsFromTheEventLoopNotWithinPost()
    {
        Mailbox here;
        bool ran = false;

        here.post([&ran] { ran = true; });

        QVERIFY(!ran);
        QTRY_VERIFY(ran);
    }

    void workLeftForADeletedMailboxNeverRuns()
    {
        auto ran = std::make_shared<std::atomic<bool>>(false);
        auto *here = new Mailbox;

        here->post([ran] { *ran = true; });
        delete here;
        QCoreApplication::processEvents();

        QVERIFY(!*ran);
    }

    void answersComeBackFromAnotherThread()
    {
        MailboxThread worker;
        Mailbox here;
        QStringList answers;

        for (int number = 0; number < 10; ++number) {
            worker.mailbox->post([&here, &answers, number] {
                const QString answer = QString::number(number * number);
                here.post([&answers, answer] { answers.append(answer); });
            });
        }

        QTRY_COMPARE(answers.size(), 10);
        QCOMPARE(answers.constLast(), QStringLiteral("81"));
    }

    void poolTasksRunOnThePoolWithWhatTheyWereGiven()
    {
        QThreadPool pool;
        Mailbox here;
        QHash<int, int> results;

        for (int task = 0; task < 8; ++task) {
            QList<int> numbers;
            for (int number = 0; number < 1000; ++number)
                numbers.append(task * number);
            startPoolTask(pool, [&here, &results, task, numbers] {
                const int last = numbers.constLast();
                here.post([&results, task, last] { results.insert(task, last); });
            });
        }

        QTRY_COMPARE(results.size(), 8);
        for (int task = 0; task < 8; ++task)
            QCOMPARE(results.value(task), task * 999);
    }
};

QTEST_GUILESS_MAIN(MailboxTest)
#include "tst_mailbox.moc"
