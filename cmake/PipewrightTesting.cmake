# pipewright_add_test(NAME SOURCES... [LIBRARIES ...] [LABELS ...])
# A Qt Test executable registered with CTest. Each suite calls pw::test::failOnWarnings() in
# init() (tests/support/testsupport.h) so that noise such as a process destroyed while
# running fails the test instead of scrolling past.
function(pipewright_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Pipewright::Core Qt6::Test ${ARG_LIBRARIES})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/tests/support")
    target_compile_definitions(${name} PRIVATE
        PIPEWRIGHT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        PIPEWRIGHT_BINARY_DIR="${PROJECT_BINARY_DIR}")
    pipewright_strict(${name})
    add_test(NAME ${name} COMMAND ${name})
    set(env ${ARG_ENVIRONMENT})
    if(ARG_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
endfunction()

# The helper program job tests use as their commands (tests/support/testjob.cpp).
function(pipewright_use_testjob target)
    add_dependencies(${target} pw-testjob)
    target_compile_definitions(${target} PRIVATE
        PIPEWRIGHT_TESTJOB="$<TARGET_FILE:pw-testjob>")
endfunction()
