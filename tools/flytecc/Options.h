// The command line of every subcommand, parsed by one rule: a value option is spelled `NAME=VALUE` or
// `NAME VALUE` (-o, -p, --emit, --image, ...), a flag takes no value, -W... selects checks, and `--` ends
// the options (the rest are compiler flags). An option of another subcommand is rejected by name.
#pragma once

#include <llvm/Support/Error.h>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace flytecc::driver {

struct OptionSpec {
  std::string name;  // "-o", "--emit", "--list-checks"
  bool takesValue;
  std::string help;  // the help line, e.g. "-o DIR          output directory"
};

struct SubcommandSpec {
  std::string name;         // "compile"
  std::string usage;        // "flytecc compile FILES... -o OUT_DIR ..."
  std::string description;  // what it does, for the SUBCOMMANDS section
  std::vector<OptionSpec> options;
  bool checkSwitches = false;  // accepts -W... and `-- FLAGS...`
  bool compilerFlags = false;  // accepts `-- FLAGS...` only (run)
};

struct ParsedArgs {
  std::vector<std::string> positionals;
  std::map<std::string, std::string, std::less<>> values;  // by option name (the last one given wins)
  std::vector<std::pair<std::string, std::string>> given;  // every value option given, in order (repeatable ones)
  std::vector<std::string> flags;                          // flags given, in order
  std::vector<std::string> checkSwitches;                  // -W..., in order
  bool haveDashDash = false;
  std::vector<std::string> afterDashDash;

  bool has(std::string_view flag) const;
  const std::string* value(std::string_view option) const;
  std::vector<std::string> every(std::string_view option) const;  // each value of a repeatable option, in order
};

// Every subcommand, in help order.
const std::vector<SubcommandSpec>& subcommands();
const SubcommandSpec* findSubcommand(std::string_view name);

// Parses the arguments after the subcommand's name. Errors: "unknown option '--frob' (see flytecc compile
// --help)", "option '--image' does not apply to check", "option '-o' needs a value".
llvm::Expected<ParsedArgs> parseArgs(const SubcommandSpec& sub, const std::vector<std::string>& args);

// Help: one subcommand (`flytecc SUB --help`), or all of them (`flytecc --help`).
std::string subcommandHelp(const SubcommandSpec& sub);
std::string fullHelp();

}  // namespace flytecc::driver
