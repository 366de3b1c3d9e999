# The task runtime: literal conversion, the task executable's library and main (runtime/TaskRuntime.h).
# Links flyteidl_proto and the storage layer, never LLVM or Clang. Included from the top-level CMakeLists.txt.
add_library(flytecc_runtime STATIC
  ${PROJECT_SOURCE_DIR}/runtime/Describe.cpp
  ${PROJECT_SOURCE_DIR}/runtime/TaskRuntime.cpp
  ${PROJECT_SOURCE_DIR}/runtime/TaskMain.cpp)
set_target_properties(flytecc_runtime PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_include_directories(flytecc_runtime PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}> $<INSTALL_INTERFACE:include/flytecc>)
target_link_libraries(flytecc_runtime PUBLIC flyteidl_proto flyte_sdk flytecc_runtime_storage)
target_compile_options(flytecc_runtime PRIVATE ${FLYTECC_WARNINGS})
