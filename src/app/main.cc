// kechuang: the platform's one binary.
#include "app/cli.h"

int main(int argc, char** argv) { return kc::app::RunCli(argc, argv); }
