// executor_test_task: the contract's task executable for the executor tests' tasks.
#include "runtime/TaskRuntime.h"
#include "test/executor/TestTasks.h"

int main(int argc, char** argv) { return flytecc::runtime::taskMain(argc, argv, testTasks()); }
