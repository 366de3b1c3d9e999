# flytecc_add_task_executable(<target> SOURCES <files...> [FLAGS <compiler flags...>])
#   Builds the task executable of the sources: `flytecc compile --emit=task-main` generates its dispatch
#   (every FLYTE_TASK, no hand-written registration) and the C++ compiler builds it with the flytecc runtime.
#   The program is <binary dir>/<target>/flytecc-task, the name every TaskTemplate runs (docs/task-contract.md).
#   The sources are compiled as part of the generated file (do not also link them into the target).
# flytecc_add_task_image(<target> EXECUTABLE <task executable target> [IMAGE <name>] [OUTPUT <dir>])
#   Writes <dir> (default <binary dir>/<target>): rootfs/ with the executable and exactly the shared libraries it
#   loads, and a Dockerfile; `docker build -t <name> <dir>` makes the image compile/package's --image names.
# Expects _FLYTECC_TOOL (the flytecc program or target), _FLYTECC_RUNTIME (the runtime library target),
# _FLYTECC_SDK_INCLUDE (the <flyte/flyte.hpp> directory), _FLYTECC_IMAGE_SCRIPT (flytecc-task-image.sh) and
# _FLYTECC_DEFAULT_IMAGE (flytecc's default --image).

function(flytecc_add_task_executable target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;FLAGS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "flytecc_add_task_executable(${target}): unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "flytecc_add_task_executable(${target}): SOURCES is required")
  endif()
  set(sources)
  foreach(src IN LISTS ARG_SOURCES)
    cmake_path(ABSOLUTE_PATH src BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND sources "${src}")
  endforeach()
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/${target}.gen")
  add_custom_command(
    OUTPUT "${gen}/flytecc_task_main.cpp"
    COMMAND ${_FLYTECC_TOOL} compile ${sources} --emit=task-main -o "${gen}" --depfile "${gen}/flytecc_task_main.d"
            -- -std=c++20 "-I${_FLYTECC_SDK_INCLUDE}" ${ARG_FLAGS}
    DEPENDS ${sources} ${_FLYTECC_TOOL}
    DEPFILE "${gen}/flytecc_task_main.d"
    COMMENT "flytecc: generating the task executable's dispatch for ${target}"
    VERBATIM COMMAND_EXPAND_LISTS)
  add_executable(${target} "${gen}/flytecc_task_main.cpp")
  target_link_libraries(${target} PRIVATE ${_FLYTECC_RUNTIME})
  target_compile_options(${target} PRIVATE ${ARG_FLAGS})
  # FLYTECC_STATIC_PROTOBUF: protobuf linked statically, for a faster start (cmake/Flyteidl.cmake).
  set_target_properties(${target} PROPERTIES OUTPUT_NAME flytecc-task FLYTECC_STATIC_PROTOBUF ON
                        RUNTIME_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/${target}")
endfunction()

function(flytecc_add_task_image target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "EXECUTABLE;IMAGE;OUTPUT" "")
  if(NOT ARG_EXECUTABLE)
    message(FATAL_ERROR "flytecc_add_task_image(${target}): EXECUTABLE is required")
  endif()
  if(NOT ARG_OUTPUT)
    set(ARG_OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${target}")
  endif()
  if(NOT ARG_IMAGE)
    set(ARG_IMAGE "${_FLYTECC_DEFAULT_IMAGE}")  # what flytecc compile/package use without --image
  endif()
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}/Dockerfile"
    COMMAND "${_FLYTECC_IMAGE_SCRIPT}" "$<TARGET_FILE:${ARG_EXECUTABLE}>" "${ARG_OUTPUT}" "${ARG_IMAGE}"
    DEPENDS ${ARG_EXECUTABLE} "${_FLYTECC_IMAGE_SCRIPT}"
    COMMENT "flytecc: root filesystem and Dockerfile of ${ARG_IMAGE}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS "${ARG_OUTPUT}/Dockerfile")
endfunction()
