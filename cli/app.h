// saavu's command line. Thin: parses options, wires sources -> engine -> reporters -> gate.
#pragma once

namespace saavu::cli {

// CONTRACTS.md §2 exit statuses.
enum ExitStatus : int {
  kExitOk = 0,          // finished; no failed result at or above the gate
  kExitGateFailed = 1,  // finished; failed results at or above the gate
  kExitUsage = 2,       // usage, configuration or input error
  kExitIncomplete = 3,  // no gate failure, but pages could not be scanned, or none was
  kExitInternal = 70,   // a bug in saavu (sysexits EX_SOFTWARE); please report it
};

int run(int argc, char** argv);

}  // namespace saavu::cli
