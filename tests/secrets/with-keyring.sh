#!/bin/sh
# Runs a test program against a gnome-keyring of its own. Meant to run inside the private
# D-Bus session dbus-run-session starts (see CMakeLists.txt):
#
#   dbus-run-session --config-file=session.conf -- sh with-keyring.sh PROGRAM [ARGS...]
#
# The keyring lives in a temporary home, is unlocked with a throwaway password, and is
# stopped when PROGRAM ends, also when it fails or crashes; the home is then removed.
set -u

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    echo "with-keyring.sh: no D-Bus session; run me under dbus-run-session" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pipewright-keyring.XXXXXX") || exit 1
daemon=""

stop() {
    if [ -n "$daemon" ]; then
        kill "$daemon" 2>/dev/null
        tries=0
        while kill -0 "$daemon" 2>/dev/null && [ "$tries" -lt 50 ]; do
            sleep 0.1
            tries=$((tries + 1))
        done
        kill -9 "$daemon" 2>/dev/null
        wait "$daemon" 2>/dev/null
    fi
    rm -rf "$work"
}
trap stop EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Nothing of the user's own session may be reached: no display to prompt on, no keyring
# files, no other runtime folder.
export HOME="$work/home"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$work/runtime"
unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK PGPASSWORD PGPASSFILE
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

printf '%s' "pipewright-test-keyring" >"$work/password"
gnome-keyring-daemon --foreground --unlock --components=secrets \
    <"$work/password" >"$work/daemon.out" 2>"$work/daemon.log" &
daemon=$!

# Wait until it serves the Secret Service, or say why it does not.
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q "boolean true"; do
    tries=$((tries + 1))
    if ! kill -0 "$daemon" 2>/dev/null || [ "$tries" -gt 100 ]; then
        echo "with-keyring.sh: gnome-keyring-daemon did not start; its log:" >&2
        cat "$work/daemon.log" >&2
        exit 1
    fi
    sleep 0.1
done

# What it prints (in some versions) is for its clients.
while IFS= read -r line; do
    case "$line" in
    *=*) export "$line" ;;
    esac
done <"$work/daemon.out"

export PIPEWRIGHT_TEST_KEYRING=1
"$@"
status=$?
exit "$status"
