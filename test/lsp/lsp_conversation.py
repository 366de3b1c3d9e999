"""An editor's conversation with flytecc-clangd over stdio (test/lit/clangd/lsp-conversation.test).

Without any .clangd or .clang-tidy: initialize, didOpen of a workflow with a misspelt input name, the
flyte-unknown-parameter diagnostic at the literal's range, an unsaved edit (didChange) that changes
the diagnostic, the quick fix from codeAction applied to the text and compiled by clang++, another
unsaved edit that clears the diagnostics, then shutdown/exit. A .clang-tidy that names the flyte
checks ("-flyte-*") decides, a file without <flyte/flyte.hpp> gets no flyte checks, and
--clang-tidy=false turns them off."""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient, apply_edits  # noqa: E402

SOURCE = """#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

FLYTE_WORKFLOW()
std::vector<double> wf(std::vector<int> qs = {1, 2}, double p = 2.0) {
  return flyte::map_task(flyte::partial(cost, "price"_a = p))(NAME_a = qs);
}
"""


def source(name):
    return SOURCE.replace("NAME_a", '"%s"_a' % name)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def flyte_diags(diags):
    return [d for d in diags if str(d.get("code", "")).startswith("flyte-")]


def position(text, needle):
    before = text[:text.index(needle)]
    return {"line": before.count("\n"), "character": len(before) - (before.rfind("\n") + 1)}


def expect_unknown(diags, text, name):
    found = flyte_diags(diags)
    print("diagnostics:", [(d["code"], d["range"]["start"], d["message"]) for d in diags])
    if len(found) != 1 or found[0]["code"] != "flyte-unknown-parameter":
        fail("expected one flyte-unknown-parameter diagnostic, got %s" % found)
    d = found[0]
    if "'%s'" % name not in d["message"]:
        fail("the diagnostic does not name '%s': %s" % (name, d["message"]))
    # The range is the binding: the name's literal and the list bound to it.
    binding = '"%s"_a = qs' % name
    start = position(text, binding)
    if d["range"]["start"] != start:
        fail("diagnostic starts at %s, the binding at %s" % (d["range"]["start"], start))
    if d["range"]["end"] != {"line": start["line"], "character": start["character"] + len(binding)}:
        fail("diagnostic range %s is not the binding %s" % (d["range"], binding))
    if d["severity"] != 1:
        fail("flyte-unknown-parameter should be an error, severity %s" % d["severity"])
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--sdk", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()

    work = os.path.abspath(args.workdir)
    args.clangd, args.sdk = os.path.abspath(args.clangd), os.path.abspath(args.sdk)
    os.makedirs(os.path.join(work, "optout"), exist_ok=True)
    flags = "-std=c++20\n-I%s\n" % os.path.abspath(args.sdk)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write(flags)
    with open(os.path.join(work, "optout", ".clang-tidy"), "w") as f:
        f.write("Checks: '-flyte-*'\n")
    path = os.path.join(work, "wf.cpp")
    optout = os.path.join(work, "optout", "wf.cpp")
    plain = os.path.join(work, "plain.cpp")
    text = source("quantiti")
    for p, t in ((path, text), (optout, text), (plain, "int f(int x) { return x; }\n")):
        with open(p, "w") as f:
            f.write(t)

    log = open(os.path.join(work, "clangd.log"), "w")
    client = LspClient([args.clangd, "--background-index=false", "--log=info"], cwd=work, stderr=log,
                       timeout=args.timeout)
    try:
        init = client.initialize(work)
        if "codeActionProvider" not in init["capabilities"]:
            fail("no codeActionProvider in %s" % init["capabilities"])

        # didOpen: the misspelt name, as saved on disk.
        client.open(path, text, 1)
        _, diags = client.diagnostics(path, 1)
        expect_unknown(diags, text, "quantiti")

        # didChange, not saved: another misspelling; the diagnostic follows the buffer.
        edited = source("quantit")
        client.change(path, edited, 2)
        _, diags = client.diagnostics(path, 2)
        diag = expect_unknown(diags, edited, "quantit")

        # The quick fix, applied to the unsaved text, compiles.
        actions = client.code_actions(path, diag) or []
        fixes = [a for a in actions if a.get("kind") == "quickfix" and "edit" in a]
        print("code actions:", [a.get("title") for a in actions])
        if not fixes:
            fail("no quick fix for %s" % diag)
        edits = fixes[0]["edit"].get("changes", {}).get("file://" + path)
        if not edits:
            fail("the quick fix edits no text of %s: %s" % (path, fixes[0]))
        fixed = apply_edits(edited, edits)
        if '"quantity"_a = qs' not in fixed:
            fail("the quick fix did not restore the name:\n" + fixed)
        fixed_path = os.path.join(work, "fixed.cpp")
        with open(fixed_path, "w") as f:
            f.write(fixed)
        cc = subprocess.run([args.clangxx, "-std=c++20", "-I" + args.sdk, "-fsyntax-only", fixed_path],
                            capture_output=True, text=True, timeout=args.timeout)
        if cc.returncode != 0:
            fail("the fixed text does not compile:\n" + cc.stderr)

        # The fixed text as an unsaved edit: no flyte diagnostics left.
        client.change(path, fixed, 3)
        _, diags = client.diagnostics(path, 3)
        if flyte_diags(diags):
            fail("diagnostics left after the fix: %s" % diags)

        # A .clang-tidy that names the flyte checks decides; files without the SDK get no flyte checks.
        client.open(optout, text, 1)
        _, diags = client.diagnostics(optout, 1)
        if flyte_diags(diags):
            fail("'-flyte-*' in .clang-tidy was not respected: %s" % diags)
        client.open(plain, "int f(int x) { return x; }\n", 1)
        client.diagnostics(plain, 1)

        code = client.shutdown()
        if code != 0:
            fail("flytecc-clangd exited with %d after shutdown/exit" % code)
        # --clang-tidy=false turns the flyte checks off with the rest of clang-tidy.
        client = LspClient([args.clangd, "--background-index=false", "--clang-tidy=false"], cwd=work, stderr=log,
                           timeout=args.timeout)
        client.initialize(work)
        client.open(path, text, 1)
        _, diags = client.diagnostics(path, 1)
        if flyte_diags(diags):
            fail("flyte checks ran with --clang-tidy=false: %s" % diags)
        if client.shutdown() != 0:
            fail("flytecc-clangd --clang-tidy=false did not exit cleanly")
    finally:
        client.close()
        log.close()
    print("PASS")


if __name__ == "__main__":
    main()
