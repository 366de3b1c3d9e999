// The executor tests' C++ tasks (TestTasks.cpp), for the test task executable and in-process runs.
#pragma once

#include <span>

#include "runtime/TaskRuntime.h"

std::span<const flytecc::runtime::TaskEntry> testTasks();
