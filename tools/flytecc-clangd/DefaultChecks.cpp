// flytecc-clangd's two defaults, applied around two functions of clangd's TidyProvider.cpp that the
// link redirects here with `ld --wrap` (see tools/CMakeLists.txt); clangd's headers are not installed,
// so these are declared from clangd's own signatures (clang-tools-extra/clangd/TidyProvider.h):
//
//   tidy::ClangTidyOptions getTidyOptionsForFile(TidyProviderRef Provider, llvm::StringRef Filename);
//     clangd calls it once per parse to get the clang-tidy options of a file (after .clang-tidy
//     files, .clangd/config.yaml and clangd's default checks). We add "flyte-*" to the checks of a
//     file that includes <flyte/flyte.hpp>, unless the checks already name flyte- checks (a user who
//     writes "-flyte-*" or "flyte-unsupported-type" decides), and only when clangd runs clang-tidy at
//     all (with --clang-tidy=false, clangd passes no provider).
//
//   std::optional<bool> isFastTidyCheck(llvm::StringRef Check);
//     clangd's FastCheckFilter (Strict by default) drops checks it does not know to be fast. The
//     flyte-* checks are one pass over the translation unit's declarations (bench/bench_clangd.py
//     measures them), so they are reported fast; every other check keeps clangd's answer.
#include <clang-tidy/ClangTidyOptions.h>
#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/MemoryBuffer.h>

#include <optional>

namespace {

using TidyProviderRef = llvm::function_ref<void(clang::tidy::ClangTidyOptions&, llvm::StringRef)>;

#define FLYTECC_GET_TIDY_OPTIONS \
  "_ZN5clang6clangd21getTidyOptionsForFileEN4llvm12function_refIFvRNS_4tidy16ClangTidyOptionsENS1_9StringRefEEEES6_"
#define FLYTECC_IS_FAST_CHECK "_ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE"

// Whether `text` has an #include of flyte/flyte.hpp (<> or "").
bool includesFlyte(llvm::StringRef text) {
  constexpr llvm::StringRef header = "flyte/flyte.hpp";
  for (size_t at = text.find(header); at != llvm::StringRef::npos; at = text.find(header, at + 1)) {
    size_t lineStart = text.rfind('\n', at);
    llvm::StringRef line = text.slice(lineStart == llvm::StringRef::npos ? 0 : lineStart + 1, at).trim();
    if (!line.consume_front("#")) continue;
    line = line.ltrim();
    if (!line.consume_front("include")) continue;
    line = line.ltrim();
    if (line == "<" || line == "\"") return true;
  }
  return false;
}

bool fileIncludesFlyte(llvm::StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  return buffer && includesFlyte((*buffer)->getBuffer());
}

}  // namespace

clang::tidy::ClangTidyOptions realGetTidyOptionsForFile(TidyProviderRef, llvm::StringRef) asm(
    "__real_" FLYTECC_GET_TIDY_OPTIONS);
clang::tidy::ClangTidyOptions flyteGetTidyOptionsForFile(TidyProviderRef, llvm::StringRef) asm(
    "__wrap_" FLYTECC_GET_TIDY_OPTIONS);
std::optional<bool> realIsFastTidyCheck(llvm::StringRef) asm("__real_" FLYTECC_IS_FAST_CHECK);
std::optional<bool> flyteIsFastTidyCheck(llvm::StringRef) asm("__wrap_" FLYTECC_IS_FAST_CHECK);

clang::tidy::ClangTidyOptions flyteGetTidyOptionsForFile(TidyProviderRef provider, llvm::StringRef file) {
  clang::tidy::ClangTidyOptions options = realGetTidyOptionsForFile(provider, file);
  if (!provider) return options;  // clang-tidy is off (--clang-tidy=false)
  std::string checks = options.Checks.value_or("");
  if (llvm::StringRef(checks).contains("flyte-") || !fileIncludesFlyte(file)) return options;
  options.Checks = checks.empty() ? "flyte-*" : checks + ",flyte-*";
  return options;
}

std::optional<bool> flyteIsFastTidyCheck(llvm::StringRef check) {
  if (check.starts_with("flyte-")) return true;
  return realIsFastTidyCheck(check);
}
