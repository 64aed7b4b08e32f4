// A data race on purpose: two threads add to one counter with nothing ordering them.
// scripts/sanitize.sh runs this under ThreadSanitizer before the suites and fails when no
// report comes, so that a run that finds nothing has shown it could have.

#include <thread>

int main()
{
    int counter = 0;
    std::thread other([&counter] { ++counter; });
    ++counter;
    other.join();
    return counter == 2 ? 0 : 1;
}
