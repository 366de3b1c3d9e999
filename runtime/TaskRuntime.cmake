# The task runtime: literal conversion, the task executable's library and main (runtime/TaskRuntime.h).
# Links flyteidl_proto and the storage layer, never LLVM or Clang. Included from the top-level CMakeLists.txt.
add_library(flytecc_runtime STATIC
  ${PROJECT_SOURCE_DIR}/runtime/Describe.cpp
  ${PROJECT_SOURCE_DIR}/runtime/TaskRuntime.cpp
  ${PROJECT_SOURCE_DIR}/runtime/TaskMain.cpp
  ${PROJECT_SOURCE_DIR}/runtime/ItemRunner.cpp
  ${PROJECT_SOURCE_DIR}/runtime/Msgpack.cpp)
# msgpack-cxx (libmsgpack-cxx-dev) is header-only and used only in Msgpack.cpp; its Boost parts are not used.
set_source_files_properties(${PROJECT_SOURCE_DIR}/runtime/Msgpack.cpp PROPERTIES
  COMPILE_DEFINITIONS "MSGPACK_NO_BOOST;MSGPACK_DEFAULT_API_VERSION=3")
set_target_properties(flytecc_runtime PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(flytecc_runtime PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}> $<INSTALL_INTERFACE:include/flytecc>)
target_link_libraries(flytecc_runtime PUBLIC flyteidl_proto flyte_sdk flytecc_runtime_storage)
target_compile_options(flytecc_runtime PRIVATE ${FLYTECC_WARNINGS})

# flytecc_add_task_executable() / flytecc_add_task_image() in this tree (the installed package defines them too).
set(_FLYTECC_TOOL flytecc)
set(_FLYTECC_RUNTIME flytecc_runtime)
set(_FLYTECC_SDK_INCLUDE ${PROJECT_SOURCE_DIR}/sdk/include)
set(_FLYTECC_IMAGE_SCRIPT ${PROJECT_SOURCE_DIR}/scripts/flytecc-task-image.sh)
set(_FLYTECC_DEFAULT_IMAGE flytecc/task-runtime:${PROJECT_VERSION})  # tools/flytecc/Driver.cpp kDefaultImage
include(${PROJECT_SOURCE_DIR}/cmake/FlyteccTask.cmake)

# Installed for find_package(flytecc): the runtime libraries, their headers and the CMake functions.
install(TARGETS flytecc_runtime flytecc_runtime_storage flyteidl_proto ARCHIVE DESTINATION lib/flytecc)
install(FILES ${PROJECT_SOURCE_DIR}/runtime/Literals.h ${PROJECT_SOURCE_DIR}/runtime/TaskRuntime.h
              ${PROJECT_SOURCE_DIR}/runtime/TaskMain.h ${PROJECT_SOURCE_DIR}/runtime/Storage.h
              ${PROJECT_SOURCE_DIR}/runtime/Msgpack.h
        DESTINATION include/flytecc/runtime)
install(FILES ${PROJECT_SOURCE_DIR}/flyteidl/TaskContract.h ${PROJECT_SOURCE_DIR}/flyteidl/UnionTags.h DESTINATION include/flytecc/flyteidl)
install(DIRECTORY ${CMAKE_BINARY_DIR}/flyteidl-gen/flyteidl DESTINATION include/flytecc FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_SOURCE_DIR}/cmake/FlyteccTask.cmake DESTINATION lib/cmake/flytecc)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/flytecc-task-image.sh DESTINATION share/flytecc)
