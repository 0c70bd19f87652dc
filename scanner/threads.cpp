#include "scanner/threads.h"

#include <pthread.h>

#include <cstddef>
#include <memory>

namespace saavu {

void runWithLargeStack(std::function<void()> fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{256} << 20);
  pthread_t thread;
  auto* heap = new std::function<void()>(std::move(fn));
  int rc = pthread_create(
      &thread, &attr,
      [](void* p) -> void* {
        std::unique_ptr<std::function<void()>> f(static_cast<std::function<void()>*>(p));
        (*f)();
        return nullptr;
      },
      heap);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    std::unique_ptr<std::function<void()>> f(heap);
    (*f)();
    return;
  }
  pthread_join(thread, nullptr);
}

}  // namespace saavu
