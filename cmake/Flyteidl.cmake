# Fetches the pinned flyteidl .proto files from npm (checksum-verified) and compiles the core, admin
# and event protos into the `flyteidl_proto` library. The download is cached outside the build tree.
set(FLYTEIDL_VERSION 1.16.5)
set(FLYTEIDL_SHA512 98c8e3c3343ebfdb734a8211834539d3a511e2d4726fcb6c6297331c9e9c1e6f59f88113c13240da357c35df28a563598103aaf67b93dfde0b798cf7f4a5636a)
include(${CMAKE_CURRENT_LIST_DIR}/NpmPack.cmake)
flytecc_npm_pack(_tgz PACKAGE @flyteorg/flyteidl VERSION ${FLYTEIDL_VERSION} SHA512 ${FLYTEIDL_SHA512})

set(FLYTEIDL_DIR "${CMAKE_BINARY_DIR}/_deps/flyteidl-${FLYTEIDL_VERSION}")
if(NOT EXISTS "${FLYTEIDL_DIR}/package/protos/flyteidl/core/workflow.proto")
  file(ARCHIVE_EXTRACT INPUT "${_tgz}" DESTINATION "${FLYTEIDL_DIR}")
endif()
set(FLYTEIDL_PROTO_ROOT "${FLYTEIDL_DIR}/package/protos" CACHE INTERNAL "")

file(GLOB _protos RELATIVE "${FLYTEIDL_PROTO_ROOT}"
     "${FLYTEIDL_PROTO_ROOT}/flyteidl/core/*.proto" "${FLYTEIDL_PROTO_ROOT}/flyteidl/admin/*.proto")
list(APPEND _protos flyteidl/event/event.proto)
list(SORT _protos)

set(_gen "${CMAKE_BINARY_DIR}/flyteidl-gen")
set(_srcs)
set(_abs)
foreach(p IN LISTS _protos)
  string(REGEX REPLACE "\\.proto$" "" base "${p}")
  list(APPEND _srcs "${_gen}/${base}.pb.cc" "${_gen}/${base}.pb.h")
  list(APPEND _abs "${FLYTEIDL_PROTO_ROOT}/${p}")
endforeach()
add_custom_command(
  OUTPUT ${_srcs}
  COMMAND ${CMAKE_COMMAND} -E make_directory "${_gen}"
  COMMAND protobuf::protoc -I "${FLYTEIDL_PROTO_ROOT}" --cpp_out "${_gen}" ${_protos}
  DEPENDS ${_abs}
  COMMENT "Compiling flyteidl ${FLYTEIDL_VERSION} protos"
  VERBATIM)
add_library(flyteidl_proto STATIC ${_srcs})
target_include_directories(flyteidl_proto SYSTEM PUBLIC "${_gen}")
# Task executables link protobuf statically: loading libprotobuf.so (and resolving its symbols) is most of a task
# process's start once libcurl is out of it (docs/task-contract.md, "Cost per run"). The executable being linked
# asks with the FLYTECC_STATIC_PROTOBUF property (flytecc_add_task_executable sets it); everything else links the
# shared library.
get_filename_component(_pbdir "${Protobuf_LIBRARY}" DIRECTORY)
find_library(FLYTECC_PROTOBUF_STATIC_LIBRARY NAMES libprotobuf.a HINTS "${_pbdir}" NO_DEFAULT_PATH)
find_library(FLYTECC_PROTOBUF_STATIC_LIBRARY NAMES libprotobuf.a)
if(FLYTECC_PROTOBUF_STATIC_LIBRARY)
  find_package(ZLIB REQUIRED)
  find_package(Threads REQUIRED)
  add_library(flytecc_protobuf_static STATIC IMPORTED)
  set_target_properties(flytecc_protobuf_static PROPERTIES
    IMPORTED_LOCATION "${FLYTECC_PROTOBUF_STATIC_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Protobuf_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "ZLIB::ZLIB;Threads::Threads")
  target_link_libraries(flyteidl_proto PUBLIC
    "$<IF:$<BOOL:$<TARGET_PROPERTY:FLYTECC_STATIC_PROTOBUF>>,flytecc_protobuf_static,protobuf::libprotobuf>")
else()
  target_link_libraries(flyteidl_proto PUBLIC protobuf::libprotobuf)
endif()
set_target_properties(flyteidl_proto PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(flyteidl_proto PRIVATE -w)
