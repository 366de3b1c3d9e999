# The official SARIF 2.1.0 JSON schema, for the tests that validate flytecc's SARIF logs (with python3-jsonschema).
# No Debian package ships it; the npm package @microsoft/jest-sarif (MIT, Microsoft's SARIF SDK for JavaScript) carries
# it as lib/schemas/sarif-2.1.0-rtm.5.json, the schema OASIS published for SARIF 2.1.0. Fetched with `npm pack`
# (cmake/NpmPack.cmake: checksum-verified, cached like the flyteidl protos); only that file is extracted.
set(SARIF_SCHEMA_PACKAGE_VERSION 1.0.0-beta.0)
set(SARIF_SCHEMA_SHA512 0357ce84f77a21ce620e4e05f583f0d6a341e1717eefe22f891ef197caf617a433424c7972963d2ec1a4dab1318852047016e3a559d29b058606e9004a4890f4)
include(${CMAKE_CURRENT_LIST_DIR}/NpmPack.cmake)
flytecc_npm_pack(_sarif_tgz PACKAGE @microsoft/jest-sarif VERSION ${SARIF_SCHEMA_PACKAGE_VERSION}
                 SHA512 ${SARIF_SCHEMA_SHA512})

set(_sarif_dir "${CMAKE_BINARY_DIR}/_deps/sarif-schema")
set(SARIF_SCHEMA "${_sarif_dir}/package/lib/schemas/sarif-2.1.0-rtm.5.json")
if(NOT EXISTS "${SARIF_SCHEMA}")
  file(ARCHIVE_EXTRACT INPUT "${_sarif_tgz}" DESTINATION "${_sarif_dir}" PATTERNS package/lib/schemas/sarif-2.1.0-rtm.5.json)
endif()
