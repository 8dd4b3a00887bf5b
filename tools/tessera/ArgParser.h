//===- ArgParser.h - Command-line options of one tessera subcommand -------===//
//
// A small parser over argv: `--name value`, `--name=value`, short aliases
// (`-o value`), repeatable list options, boolean flags and positional
// arguments. Every bad argument is an error naming it, and `--help`/`-h`
// prints the options it was given.
//
//===----------------------------------------------------------------------===//

#ifndef TESSERA_TOOLS_TESSERA_ARGPARSER_H
#define TESSERA_TOOLS_TESSERA_ARGPARSER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace tessera::tools {

class ArgParser {
public:
  /// `command` is "tessera compile"; `usage` the synopsis after it;
  /// `description` a paragraph printed by --help.
  ArgParser(llvm::StringRef command, llvm::StringRef usage,
            llvm::StringRef description);

  /// An option taking one value; the last occurrence wins. `shortName` is
  /// e.g. "o" for `-o`, or empty.
  void addOption(llvm::StringRef name, llvm::StringRef shortName,
                 llvm::StringRef valueName, llvm::StringRef help,
                 std::optional<std::string> &value);
  /// An option that may repeat; each occurrence appends its value.
  void addListOption(llvm::StringRef name, llvm::StringRef valueName,
                     llvm::StringRef help, std::vector<std::string> &values);
  /// A flag without a value.
  void addFlag(llvm::StringRef name, llvm::StringRef help, bool &value);
  /// The one positional argument (required).
  void addPositional(llvm::StringRef valueName, llvm::StringRef help,
                     std::string &value);
  /// Positional arguments, one or more.
  void addPositionalList(llvm::StringRef valueName, llvm::StringRef help,
                         std::vector<std::string> &values);

  /// Parses `args` (without the program and subcommand names). On --help,
  /// prints the help and sets helpRequested().
  llvm::Error parse(llvm::ArrayRef<const char *> args);
  bool helpRequested() const { return help; }
  void printHelp(llvm::raw_ostream &os) const;

private:
  struct Option {
    std::string name, shortName, valueName, help;
    std::optional<std::string> *value = nullptr;
    std::vector<std::string> *values = nullptr;
    bool *flag = nullptr;
  };
  Option *findOption(llvm::StringRef arg);
  llvm::Error error(const llvm::Twine &message) const;

  std::string command, usage, description;
  std::vector<Option> options;
  std::string positionalName, positionalHelp;
  std::string *positional = nullptr;
  std::vector<std::string> *positionals = nullptr;
  bool help = false;
};

/// Parses `text` as an integer in [min, max] for option `option`.
llvm::Expected<int64_t> parseIntegerOption(llvm::StringRef option,
                                           llvm::StringRef text, int64_t min,
                                           int64_t max);

} // namespace tessera::tools

#endif // TESSERA_TOOLS_TESSERA_ARGPARSER_H
