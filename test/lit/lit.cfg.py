# lit configuration for flytecc's end-to-end tests (FileCheck on IR, JSON and diagnostics).
import os

import lit.formats

config.name = "flytecc"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".test", ".fir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.flytecc_obj_root, "test", "lit-out")
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]

src = config.flytecc_src_root
config.substitutions += [
    ("%flytecc_clangd", config.flytecc_clangd),  # before %flytecc, its prefix
    ("%flytecc", config.flytecc),
    ("%FileCheck", config.filecheck),
    ("%not", config.not_tool),
    ("%python", config.python),
    ("%protoc", config.protoc),
    ("%protos", config.protos),
    ("%sarif_schema", config.sarif_schema),
    ("%debian_python", config.debian_python),  # /usr/bin/python3: python3-jsonschema, python3-rfc3987
    ("%clangxx", config.clangxx),
    ("%gxx", config.cxx),
    ("%sdk", os.path.join(src, "sdk", "include")),
    ("%examples", os.path.join(src, "examples")),
    ("%testdata", os.path.join(src, "test", "data")),
    ("%scripts", os.path.join(src, "test", "scripts")),
    ("%src", src),
    ("%cmake", config.cmake),
    ("%obj_root", config.flytecc_obj_root),
    ("%map_task_local", config.map_task_local),
    ("%map_task_tasks", config.map_task_tasks),
    ("%inprocess_run", config.inprocess_run),
    ("%clang_apply_replacements", config.clang_apply_replacements),
    ("%clang_tidy", config.clang_tidy),
    ("%tidy_plugin", config.tidy_plugin),
]
# A build with sanitizers (the asan preset): tests of what such a build cannot do say `UNSUPPORTED: sanitized`.
if config.sanitize:
    config.available_features.add("sanitized")
# Colours off, so FileCheck sees plain text.
config.environment["TERM"] = "dumb"
