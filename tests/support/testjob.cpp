// A small program that job tests run as their commands. What it does is chosen by its
// arguments, so that every test can ask for the behaviour it needs:
//   testjob sleep MS             sleep, then exit 0
//   testjob exit CODE            exit with CODE
//   testjob print LINES          print LINES numbered lines
//   testjob bytes COUNT          write COUNT bytes of 100-byte lines, in 64 KB writes
//   testjob grandchild PIDFILE   start a process that sleeps for a minute in the background,
//                                write its pid to PIDFILE, then sleep for a minute itself
//   testjob ignore-term PIDFILE  write own pid to PIDFILE, ignore SIGTERM, sleep a minute
//   testjob flaky COUNTERFILE N  fail the first N times it is run with that counter file
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

void writePid(const char *path, pid_t pid)
{
    const std::string temporary = std::string(path) + ".tmp";
    if (FILE *file = std::fopen(temporary.c_str(), "w")) {
        std::fprintf(file, "%d\n", int(pid));
        std::fclose(file);
        std::rename(temporary.c_str(), path);
    }
}

int grandchild(const char *pidFile)
{
    const pid_t child = fork();
    if (child == 0) {
        // Keep the inherited output open, as a real background server would.
        sleep(60);
        _exit(0);
    }
    writePid(pidFile, child);
    sleep(60);
    return 0;
}

int flaky(const char *counterFile, int failures)
{
    int runs = 0;
    if (FILE *file = std::fopen(counterFile, "r")) {
        if (std::fscanf(file, "%d", &runs) != 1)
            runs = 0;
        std::fclose(file);
    }
    if (FILE *file = std::fopen(counterFile, "w")) {
        std::fprintf(file, "%d\n", runs + 1);
        std::fclose(file);
    }
    std::printf("run %d of a job that fails %d times\n", runs + 1, failures);
    return runs < failures ? 1 : 0;
}

int bytes(long long count)
{
    static char block[65500]; // whole 100-byte lines
    for (size_t i = 0; i < sizeof block; ++i)
        block[i] = (i % 100 == 99) ? '\n' : char('a' + i % 26);
    while (count > 0) {
        const size_t chunk = count < (long long)sizeof block ? size_t(count) : sizeof block;
        if (std::fwrite(block, 1, chunk, stdout) != chunk)
            return 1;
        count -= (long long)chunk;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: testjob MODE ARGUMENT\n");
        return 2;
    }
    const std::string mode = argv[1];
    if (mode == "sleep") {
        usleep(useconds_t(std::atol(argv[2]) * 1000));
        return 0;
    }
    if (mode == "exit")
        return std::atoi(argv[2]);
    if (mode == "print") {
        for (int i = 1; i <= std::atoi(argv[2]); ++i)
            std::printf("line %d\n", i);
        return 0;
    }
    if (mode == "bytes")
        return bytes(std::atoll(argv[2]));
    if (mode == "grandchild")
        return grandchild(argv[2]);
    if (mode == "ignore-term") {
        std::signal(SIGTERM, SIG_IGN);
        writePid(argv[2], getpid());
        sleep(60);
        return 0;
    }
    if (mode == "flaky" && argc >= 4)
        return flaky(argv[2], std::atoi(argv[3]));
    std::fprintf(stderr, "testjob: unknown mode %s\n", mode.c_str());
    return 2;
}
