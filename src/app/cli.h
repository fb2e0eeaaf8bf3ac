// The command line: serve, import, export, version.
#pragma once

namespace kc::app {

// Runs the command in argv and returns the process exit code.
int RunCli(int argc, char** argv);

}  // namespace kc::app
