// pipewright-job-supervisor ORCHESTRATOR_PID PROGRAM [ARGUMENT...]
//
// Runs PROGRAM (a job's shell) so that nothing the job starts outlives the job or the
// orchestrator, even processes that left the job's process group, started a session of
// their own or double-forked. The supervisor is the child subreaper of the job's tree, so
// every orphan of it becomes the supervisor's child instead of init's and can still be found.
//
// Signals it understands (the orchestrator sends only these, to the supervisor alone):
//   SIGTERM, SIGINT, SIGHUP  stop: SIGTERM to the job's process group and every descendant
//                            outside it; the job may still end as it likes
//   SIGUSR1                  kill: SIGKILL to every descendant now
// It also gets SIGUSR1 when the orchestrator dies (PR_SET_PDEATHSIG), however it died.
//
// When PROGRAM ends, whatever it left running is killed, and the supervisor ends the same
// way PROGRAM did: the same exit code, or the same signal. Plain C++ and Linux calls only,
// so that it starts fast and needs nothing beside itself.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <string>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace {

// Killing a tree that keeps forking is done in rounds; this bounds how long it may take.
constexpr int maxKillRounds = 5000;
constexpr long roundPauseNs = 2 * 1000 * 1000;

struct ProcessInfo
{
    pid_t pid = 0;
    pid_t parent = 0;
    pid_t group = 0;
};

// /proc/PID/stat is "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses,
// so the fields are read after its last ')'.
bool readProcess(pid_t pid, ProcessInfo *info)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    FILE *file = std::fopen(path.c_str(), "r");
    if (!file)
        return false;
    char buffer[1024];
    const size_t size = std::fread(buffer, 1, sizeof buffer - 1, file);
    std::fclose(file);
    buffer[size] = '\0';

    const char *close = std::strrchr(buffer, ')');
    char state = 0;
    int parent = 0;
    int group = 0;
    if (!close || std::sscanf(close + 1, " %c %d %d", &state, &parent, &group) != 3)
        return false;
    *info = ProcessInfo{pid, pid_t(parent), pid_t(group)};
    return state != 'Z';
}

// Every live process below this one, found by walking the parent links of /proc.
std::vector<ProcessInfo> descendants()
{
    std::vector<ProcessInfo> all;
    if (DIR *proc = opendir("/proc")) {
        while (const dirent *entry = readdir(proc)) {
            char *end = nullptr;
            const long pid = std::strtol(entry->d_name, &end, 10);
            ProcessInfo info;
            if (*end == '\0' && pid > 0 && readProcess(pid_t(pid), &info))
                all.push_back(info);
        }
        closedir(proc);
    }

    std::unordered_map<pid_t, std::vector<const ProcessInfo *>> children;
    for (const ProcessInfo &info : all)
        children[info.parent].push_back(&info);
    std::vector<ProcessInfo> found;
    std::vector<pid_t> pending{getpid()};
    while (!pending.empty()) {
        const pid_t parent = pending.back();
        pending.pop_back();
        for (const ProcessInfo *child : children[parent]) {
            found.push_back(*child);
            pending.push_back(child->pid);
        }
    }
    return found;
}

class Supervisor
{
public:
    Supervisor(pid_t orchestrator, char **command)
        : m_orchestrator(orchestrator)
        , m_command(command)
    {}

    int run();

private:
    bool start();
    void reap();
    void stop();
    void killAll();
    [[noreturn]] void endLikeTheJob();

    pid_t m_orchestrator;
    char **m_command;
    sigset_t m_handled;
    sigset_t m_original;
    pid_t m_job = 0;
    bool m_jobEnded = false;
    int m_jobStatus = 0;
    bool m_stopping = false;
};

int Supervisor::run()
{
    // Signals are taken one at a time from the loop below, never in a handler.
    sigemptyset(&m_handled);
    for (int number : {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGUSR1})
        sigaddset(&m_handled, number);
    sigprocmask(SIG_BLOCK, &m_handled, &m_original);

    prctl(PR_SET_CHILD_SUBREAPER, 1);
    prctl(PR_SET_PDEATHSIG, SIGUSR1);
    // The orchestrator may have died before the line above: then nothing starts.
    if (getppid() != m_orchestrator)
        return 125;
    if (!start())
        return 127;

    for (;;) {
        siginfo_t info;
        if (sigwaitinfo(&m_handled, &info) < 0)
            continue;
        if (info.si_signo == SIGCHLD) {
            reap();
        } else if (info.si_signo == SIGUSR1) {
            killAll();
        } else {
            stop();
        }
        if (m_jobEnded) {
            killAll();
            endLikeTheJob();
        }
    }
}

bool Supervisor::start()
{
    const pid_t supervisor = getpid();
    m_job = fork();
    if (m_job < 0) {
        std::fprintf(stderr, "pipewright-job-supervisor: cannot fork: %s\n", std::strerror(errno));
        return false;
    }
    if (m_job == 0) {
        // The job's own process group, which a stop signals as a whole.
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != supervisor)
            _exit(125);
        sigprocmask(SIG_SETMASK, &m_original, nullptr);
        execvp(m_command[0], m_command);
        std::fprintf(stderr, "pipewright-job-supervisor: cannot start '%s': %s\n", m_command[0],
                     std::strerror(errno));
        _exit(127);
    }
    // Also here, so that the group exists before the first stop can reach it.
    setpgid(m_job, m_job);
    return true;
}

void Supervisor::reap()
{
    int status = 0;
    pid_t pid = 0;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        if (pid == m_job) {
            m_jobEnded = true;
            m_jobStatus = status;
        }
    }
}

void Supervisor::stop()
{
    if (m_stopping || m_jobEnded)
        return;
    m_stopping = true;
    kill(-m_job, SIGTERM);
    // The group has it already; the rest left the group and get it one by one.
    for (const ProcessInfo &process : descendants()) {
        if (process.group != m_job)
            kill(process.pid, SIGTERM);
    }
}

void Supervisor::killAll()
{
    // A process killed here leaves its children to this subreaper, so each round finds what
    // the last one missed, until no child is left.
    for (int round = 0; round < maxKillRounds; ++round) {
        if (!m_jobEnded)
            kill(-m_job, SIGKILL);
        for (const ProcessInfo &process : descendants())
            kill(process.pid, SIGKILL);
        reap();
        siginfo_t child{};
        if (waitid(P_ALL, 0, &child, WEXITED | WNOHANG | WNOWAIT) < 0 && errno == ECHILD)
            return;
        const timespec pause{0, roundPauseNs};
        nanosleep(&pause, nullptr);
    }
    std::fprintf(stderr, "pipewright-job-supervisor: processes of the job are still running\n");
}

void Supervisor::endLikeTheJob()
{
    if (WIFSIGNALED(m_jobStatus)) {
        const int number = WTERMSIG(m_jobStatus);
        // The job's signal, without a core file of the supervisor.
        const rlimit noCore{0, 0};
        setrlimit(RLIMIT_CORE, &noCore);
        std::signal(number, SIG_DFL);
        sigset_t only;
        sigemptyset(&only);
        sigaddset(&only, number);
        sigprocmask(SIG_UNBLOCK, &only, nullptr);
        raise(number);
        _exit(128 + number);
    }
    _exit(WIFEXITED(m_jobStatus) ? WEXITSTATUS(m_jobStatus) : 1);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: pipewright-job-supervisor ORCHESTRATOR_PID PROGRAM "
                             "[ARGUMENT...]\n");
        return 2;
    }
    char *end = nullptr;
    const long orchestrator = std::strtol(argv[1], &end, 10);
    if (*end != '\0' || orchestrator <= 0) {
        std::fprintf(stderr, "pipewright-job-supervisor: '%s' is not a process id\n", argv[1]);
        return 2;
    }
    return Supervisor(pid_t(orchestrator), argv + 2).run();
}
