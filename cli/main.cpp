#include "cli/app.h"

int main(int argc, char** argv) { return saavu::cli::run(argc, argv); }
