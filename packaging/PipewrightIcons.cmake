# The application icon at every usual size, rendered at build time from the one SVG in
# resources/ by a small QtSvg program, and the SVG itself as the scalable icon.
find_package(Qt6 COMPONENTS Gui Svg)

set(icon_source "${PROJECT_SOURCE_DIR}/resources/pipewright.svg")
set(icon_sizes 16 22 24 32 48 64 128 256 512)
set(icon_root "${CMAKE_INSTALL_DATADIR}/icons/hicolor")

install(FILES "${icon_source}" DESTINATION "${icon_root}/scalable/apps")

if(NOT TARGET Qt6::Svg)
    message(WARNING "Qt SVG is missing: the package gets only the scalable icon")
    return()
endif()

qt_add_executable(pw-rendericon rendericon.cpp)
target_link_libraries(pw-rendericon PRIVATE Qt6::Gui Qt6::Svg)
pipewright_strict(pw-rendericon)

set(icon_files)
foreach(size IN LISTS icon_sizes)
    set(png "${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}/pipewright.png")
    list(APPEND icon_files "${png}")
    install(FILES "${png}" DESTINATION "${icon_root}/${size}x${size}/apps")
endforeach()
add_custom_command(OUTPUT ${icon_files}
    COMMAND pw-rendericon "${icon_source}" "${CMAKE_CURRENT_BINARY_DIR}/icons" ${icon_sizes}
    DEPENDS pw-rendericon "${icon_source}"
    COMMENT "Rendering the application icon"
    VERBATIM)
add_custom_target(pipewright-icons ALL DEPENDS ${icon_files})
