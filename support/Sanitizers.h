// FLYTECC_ASAN: 1 in an AddressSanitizer build (clang's __has_feature or gcc's __SANITIZE_ADDRESS__), else 0.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define FLYTECC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FLYTECC_ASAN 1
#endif
#endif
#ifndef FLYTECC_ASAN
#define FLYTECC_ASAN 0
#endif
