// Found only through the compilation database's relative -I (test/lit/run/compdb.cpp).
#pragma once
inline int scaled(int x) { return x * FACTOR; }
