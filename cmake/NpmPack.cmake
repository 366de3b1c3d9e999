# flytecc_npm_pack(<out-var> PACKAGE <name> VERSION <version> SHA512 <sum>)
# Fetches an npm package tarball with `npm pack` into FLYTECC_CACHE_DIR (outside the build tree, so a clean build
# does not download again), verifies its pinned SHA-512 and sets <out-var> to the tarball's path. A tarball whose
# checksum does not match is removed and the configure step fails; nothing unverified is ever extracted.
include_guard(GLOBAL)
set(FLYTECC_CACHE_DIR "$ENV{HOME}/.cache/flytecc" CACHE PATH "Where downloaded inputs (npm packages) are kept")

function(_flytecc_npm_verify out tgz sha512)
  set(${out} FALSE PARENT_SCOPE)
  if(EXISTS "${tgz}")
    file(SHA512 "${tgz}" sum)
    if(sum STREQUAL sha512)
      set(${out} TRUE PARENT_SCOPE)
    endif()
  endif()
endfunction()

function(flytecc_npm_pack out)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "PACKAGE;VERSION;SHA512" "")
  # npm pack names the tarball after the package: "@scope/name" -> "scope-name-<version>.tgz".
  string(REGEX REPLACE "^@" "" file_stem "${ARG_PACKAGE}")
  string(REPLACE "/" "-" file_stem "${file_stem}")
  set(tgz "${FLYTECC_CACHE_DIR}/${file_stem}-${ARG_VERSION}.tgz")
  _flytecc_npm_verify(ok "${tgz}" "${ARG_SHA512}")
  if(NOT ok)
    find_program(NPM_EXECUTABLE npm REQUIRED)
    file(MAKE_DIRECTORY "${FLYTECC_CACHE_DIR}")
    message(STATUS "Fetching ${ARG_PACKAGE}@${ARG_VERSION} with npm")
    execute_process(COMMAND "${NPM_EXECUTABLE}" pack "${ARG_PACKAGE}@${ARG_VERSION}" --silent
                    WORKING_DIRECTORY "${FLYTECC_CACHE_DIR}" RESULT_VARIABLE rc OUTPUT_QUIET)
    _flytecc_npm_verify(ok "${tgz}" "${ARG_SHA512}")
    if(NOT rc EQUAL 0 OR NOT ok)
      file(REMOVE "${tgz}")
      message(FATAL_ERROR "could not fetch ${ARG_PACKAGE}@${ARG_VERSION}, or its SHA-512 does not match the pinned one")
    endif()
  endif()
  set(${out} "${tgz}" PARENT_SCOPE)
endfunction()
