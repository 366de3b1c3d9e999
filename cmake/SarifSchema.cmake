# The official SARIF 2.1.0 JSON schema, for the tests that validate flytecc's SARIF logs (with python3-jsonschema).
# No Debian package ships it; the npm package @microsoft/jest-sarif (MIT, Microsoft's SARIF SDK for JavaScript) carries
# it as lib/schemas/sarif-2.1.0-rtm.5.json, the schema OASIS published for SARIF 2.1.0. Fetched with `npm pack`
# (checksum-verified, cached like the flyteidl protos); only that file is extracted.
set(SARIF_SCHEMA_PACKAGE_VERSION 1.0.0-beta.0)
set(SARIF_SCHEMA_SHA512 0357ce84f77a21ce620e4e05f583f0d6a341e1717eefe22f891ef197caf617a433424c7972963d2ec1a4dab1318852047016e3a559d29b058606e9004a4890f4)
set(_sarif_tgz "${FLYTECC_CACHE_DIR}/microsoft-jest-sarif-${SARIF_SCHEMA_PACKAGE_VERSION}.tgz")

function(_sarif_schema_verify out)
  set(${out} FALSE PARENT_SCOPE)
  if(EXISTS "${_sarif_tgz}")
    file(SHA512 "${_sarif_tgz}" sum)
    if(sum STREQUAL SARIF_SCHEMA_SHA512)
      set(${out} TRUE PARENT_SCOPE)
    endif()
  endif()
endfunction()

_sarif_schema_verify(_ok)
if(NOT _ok)
  find_program(NPM_EXECUTABLE npm REQUIRED)
  file(MAKE_DIRECTORY "${FLYTECC_CACHE_DIR}")
  message(STATUS "Fetching @microsoft/jest-sarif@${SARIF_SCHEMA_PACKAGE_VERSION} (the SARIF 2.1.0 schema) with npm")
  execute_process(COMMAND "${NPM_EXECUTABLE}" pack "@microsoft/jest-sarif@${SARIF_SCHEMA_PACKAGE_VERSION}" --silent
                  WORKING_DIRECTORY "${FLYTECC_CACHE_DIR}" RESULT_VARIABLE rc OUTPUT_QUIET)
  _sarif_schema_verify(_ok)
  if(NOT rc EQUAL 0 OR NOT _ok)
    file(REMOVE "${_sarif_tgz}")
    message(FATAL_ERROR "could not fetch @microsoft/jest-sarif@${SARIF_SCHEMA_PACKAGE_VERSION}, or its SHA-512 does not "
                        "match the pinned one")
  endif()
endif()

set(_sarif_dir "${CMAKE_BINARY_DIR}/_deps/sarif-schema")
set(SARIF_SCHEMA "${_sarif_dir}/package/lib/schemas/sarif-2.1.0-rtm.5.json")
if(NOT EXISTS "${SARIF_SCHEMA}")
  file(ARCHIVE_EXTRACT INPUT "${_sarif_tgz}" DESTINATION "${_sarif_dir}" PATTERNS package/lib/schemas/sarif-2.1.0-rtm.5.json)
endif()
