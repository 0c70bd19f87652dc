// Threads for page analysis.
#pragma once

#include <functional>

namespace saavu {

// Runs fn on a new thread with a large stack and waits for it. saavu's own walks use explicit
// stacks, but not every system library it calls is free of recursion; a large stack is virtual
// memory, touched only as it is used. Start long-lived workers with it, not one per page: a
// thread with a stack this large is not recycled by the C library.
void runWithLargeStack(std::function<void()> fn);

}  // namespace saavu
