// parley: news text → political event data.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"parley: turns news text into CAMEO-coded political events"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("parley 0.1.0"));
  std::vector<parley::cli::Command> commands = {
      parley::cli::RegisterCode(app), parley::cli::RegisterParse(app),
      parley::cli::RegisterEval(app), parley::cli::RegisterDict(app),
      parley::cli::RegisterTrain(app),
      parley::cli::RegisterIngest(app), parley::cli::RegisterEvents(app)};
  commands.push_back(parley::cli::RegisterNegotiations(app));
  commands.push_back(parley::cli::RegisterServe(app));
  CLI11_PARSE(app, argc, argv);
  for (auto& command : commands)
    if (command.app->parsed()) return command.run();
  return 2;
}
