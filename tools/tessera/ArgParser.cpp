//===- ArgParser.cpp - Command-line options of one tessera subcommand -----===//

#include "ArgParser.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace tessera::tools {

ArgParser::ArgParser(StringRef command, StringRef usage, StringRef description)
    : command(command), usage(usage), description(description) {}

void ArgParser::addOption(StringRef name, StringRef shortName,
                          StringRef valueName, StringRef help,
                          std::optional<std::string> &value) {
  Option option{name.str(), shortName.str(), valueName.str(), help.str()};
  option.value = &value;
  options.push_back(std::move(option));
}

void ArgParser::addListOption(StringRef name, StringRef valueName,
                              StringRef help,
                              std::vector<std::string> &values) {
  Option option{name.str(), "", valueName.str(), help.str()};
  option.values = &values;
  options.push_back(std::move(option));
}

void ArgParser::addFlag(StringRef name, StringRef help, bool &value) {
  Option option{name.str(), "", "", help.str()};
  option.flag = &value;
  options.push_back(std::move(option));
}

void ArgParser::addPositional(StringRef valueName, StringRef help,
                              std::string &value) {
  positionalName = valueName.str();
  positionalHelp = help.str();
  positional = &value;
}

void ArgParser::addPositionalList(StringRef valueName, StringRef help,
                                  std::vector<std::string> &values) {
  positionalName = valueName.str();
  positionalHelp = help.str();
  positionals = &values;
}

Error ArgParser::error(const Twine &message) const {
  return createStringError(inconvertibleErrorCode(),
                           message + " (see '" + command + " --help')");
}

ArgParser::Option *ArgParser::findOption(StringRef arg) {
  for (Option &option : options) {
    if (arg.starts_with("--") && arg.drop_front(2) == option.name)
      return &option;
    if (!option.shortName.empty() && arg.starts_with("-") &&
        !arg.starts_with("--") && arg.drop_front(1) == option.shortName)
      return &option;
  }
  return nullptr;
}

Error ArgParser::parse(ArrayRef<const char *> args) {
  bool seenPositional = false;
  bool onlyPositionals = false;
  for (size_t i = 0; i < args.size(); ++i) {
    StringRef arg = args[i];
    if (!onlyPositionals && (arg == "--help" || arg == "-h")) {
      help = true;
      printHelp(outs());
      return Error::success();
    }
    if (!onlyPositionals && arg == "--") {
      onlyPositionals = true;
      continue;
    }
    if (onlyPositionals || !arg.starts_with("-") || arg == "-") {
      if (positionals) {
        positionals->push_back(arg.str());
        continue;
      }
      if (!positional)
        return error("unexpected argument '" + arg + "'");
      if (seenPositional)
        return error("unexpected extra argument '" + arg + "' (the " +
                     positionalName + " is '" + *positional + "')");
      *positional = arg.str();
      seenPositional = true;
      continue;
    }

    auto [name, inlineValue] = arg.split('=');
    bool hasInlineValue = arg.contains('=');
    Option *option = findOption(name);
    if (!option)
      return error("unknown option '" + name + "'");
    std::string spelling = name.str();
    if (option->flag) {
      if (hasInlineValue)
        return error("option '" + spelling + "' takes no value");
      *option->flag = true;
      continue;
    }
    std::string value;
    if (hasInlineValue) {
      value = inlineValue.str();
    } else {
      if (i + 1 == args.size())
        return error("option '" + spelling + "' needs a value (" +
                     option->valueName + ")");
      value = args[++i];
    }
    if (value.empty())
      return error("option '" + spelling + "' needs a non-empty value (" +
                   option->valueName + ")");
    if (option->values)
      option->values->push_back(std::move(value));
    else
      *option->value = std::move(value);
  }
  if ((positional && !seenPositional) || (positionals && positionals->empty()))
    return error("missing " + positionalName);
  return Error::success();
}

void ArgParser::printHelp(raw_ostream &os) const {
  os << "usage: " << command << " " << usage << "\n\n" << description << "\n";
  // Help texts wrap at 80 columns, indented past the option names.
  constexpr size_t kNameWidth = 28, kHelpIndent = kNameWidth + 2;
  auto printEntry = [&](const std::string &spelling, StringRef help) {
    if (spelling.size() > kNameWidth)
      os << "  " << spelling << "\n" << std::string(kHelpIndent, ' ');
    else
      os << "  " << left_justify(spelling, kNameWidth);
    size_t column = kHelpIndent;
    SmallVector<StringRef> words;
    help.split(words, ' ', -1, /*KeepEmpty=*/false);
    for (auto [index, word] : enumerate(words)) {
      if (index > 0 && column + 1 + word.size() > 80) {
        os << "\n" << std::string(kHelpIndent, ' ');
        column = kHelpIndent;
      } else if (index > 0) {
        os << ' ';
        ++column;
      }
      os << word;
      column += word.size();
    }
    os << "\n";
  };
  if (positional || positionals) {
    os << "\n";
    printEntry(positionalName, positionalHelp);
  }
  os << "\noptions:\n";
  for (const Option &option : options) {
    std::string spelling;
    if (!option.shortName.empty())
      spelling = "-" + option.shortName + ", ";
    spelling += "--" + option.name;
    if (!option.flag)
      spelling += " " + option.valueName;
    printEntry(spelling, option.help);
  }
  printEntry("-h, --help", "print this help");
}

Expected<int64_t> parseIntegerOption(StringRef option, StringRef text,
                                     int64_t min, int64_t max) {
  int64_t value;
  if (text.getAsInteger(10, value) || value < min || value > max)
    return createStringError(
        inconvertibleErrorCode(),
        formatv("invalid value '{0}' for --{1}: expected an integer in "
                "{2}..{3}",
                text, option, min, max)
            .str());
  return value;
}

} // namespace tessera::tools
