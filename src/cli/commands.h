// Subcommands of the `parley` program. Each registers its options on the
// CLI11 app and returns the action to run after parsing; the action returns
// the process exit status. Only main() exits.
#ifndef PARLEY_CLI_COMMANDS_H_
#define PARLEY_CLI_COMMANDS_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace parley::cli {

using Action = std::function<int()>;

// A registered subcommand and what to run when it was chosen.
struct Command {
  CLI::App* app;
  Action run;
};

Command RegisterCode(CLI::App& app);
Command RegisterEval(CLI::App& app);
Command RegisterDict(CLI::App& app);
Command RegisterParse(CLI::App& app);
Command RegisterTrain(CLI::App& app);
Command RegisterServe(CLI::App& app);
Command RegisterNegotiations(CLI::App& app);
Command RegisterIngest(CLI::App& app);  // src/cli/ingest_command.cc (store)
Command RegisterEvents(CLI::App& app);  // src/cli/events_command.cc (store)

}  // namespace parley::cli

#endif  // PARLEY_CLI_COMMANDS_H_
