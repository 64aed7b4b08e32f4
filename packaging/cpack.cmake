# The Debian package, built with `cpack -G DEB` in the build directory (or the `package`
# target). Its version is project(VERSION); dpkg-shlibdeps works out the libraries' packages
# from the executables, and the list below adds what they load at run time as plugins.
set(CPACK_PACKAGE_NAME "pipewright")
set(CPACK_PACKAGE_VENDOR "The Pipewright developers")
set(CPACK_PACKAGE_CONTACT "The Pipewright developers <dev@pipewright.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Pipewright runs a delivery pipeline (stages, jobs and the needs between them) as a DAG:
independent jobs in parallel, failures stopping what depends on them, conditions skipping
what does not apply, and every run kept in a history. It includes the pwctl command and a
Qt desktop app; a team can share a PostgreSQL history and approve gates from any machine.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "pipewright")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins no executable links: the SQLite store's driver and the SVG icon loader.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# The driver of a shared PostgreSQL store, git for a run's branch and commit, and the
# desktop's other platform plugins; Redis for notifications, a keyring for secrets.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql, git, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "redis-server, gnome-keyring")

include(CPack)
