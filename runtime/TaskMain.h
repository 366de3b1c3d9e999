// The adapters that `flytecc compile --emit=task-main` instantiates, one per task: decode the inputs, call the C++
// function, encode its result as o0..oN. The generated flytecc_task_main.cpp lists them and calls taskMain().
#pragma once

#include <chrono>
#include <cxxabi.h>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <tuple>
#include <typeinfo>
#include <utility>

#include "runtime/Literals.h"
#include "runtime/TaskRuntime.h"

namespace flytecc::runtime {

namespace detail {
template <class F>
struct TaskSignature;
template <class R, class... P>
struct TaskSignature<R (*)(P...)> {
  using Result = std::remove_cv_t<R>;  // `const int f()` and (deprecated) `volatile int f()` return an int
  using Params = std::tuple<std::decay_t<P>...>;
};
template <class R, class... P>
struct TaskSignature<R (*)(P...) noexcept> : TaskSignature<R (*)(P...)> {};

inline std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

inline std::string demangle(const char* name) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> d(abi::__cxa_demangle(name, nullptr, nullptr, &status), std::free);
  return status == 0 && d ? std::string(d.get()) : std::string(name);
}

// The name of the exception in flight, for USER:<type> codes.
inline std::string currentExceptionType() {
  const std::type_info* t = abi::__cxa_current_exception_type();
  return t ? demangle(t->name()) : "unknown";
}

template <class T>
T decodeInput(const TaskCall& call, std::size_t i) {
  const core::Literal& l = call.input(i);
  try {
    return LiteralTraits<T>::decode(l, call.hooks);
  } catch (const ConversionError& e) {
    throw InputError("input '" + std::string(call.entry.inputs[i]) + "'" + e.where() + ": " + e.detail());
  }
}
}  // namespace detail

// The result type of a task function (the generated task main names named-outputs structs through it).
template <auto Fn>
using ResultOf = typename detail::TaskSignature<decltype(Fn)>::Result;

// `Fields`, for a task returning named outputs (a struct marked FLYTE_NAMED_OUTPUTS), is a function the
// generated task main writes: the struct's fields as a std::tuple of references, in the order of the outputs.
template <auto Fn, auto Fields = nullptr>
void adapt(const TaskCall& call) {
  using Sig = detail::TaskSignature<decltype(Fn)>;
  using R = typename Sig::Result;
  static_assert(!flyte::named_outputs<R> || !std::is_null_pointer_v<decltype(Fields)>,
                "named outputs need their fields: build the task main with flytecc, and name no field o0..oN");
  using Params = typename Sig::Params;
  std::int64_t t0 = detail::nowNs();
  Params args = [&]<std::size_t... I>(std::index_sequence<I...>) {
    return Params{detail::decodeInput<std::tuple_element_t<I, Params>>(call, I)...};
  }(std::make_index_sequence<std::tuple_size_v<Params>>{});
  std::int64_t t1 = detail::nowNs();
  auto invoke = [&]() -> decltype(auto) {
    try {
      return std::apply(Fn, std::move(args));
    } catch (const std::exception& e) {
      throw UserFailure("USER:" + detail::currentExceptionType(), e.what());
    } catch (...) {
      throw UserFailure("USER:" + detail::currentExceptionType(), "the task threw a non-standard exception");
    }
  };
  if constexpr (std::is_void_v<R>) {
    invoke();
    if (call.timings) {
      call.timings->decode += t1 - t0;
      call.timings->call += detail::nowNs() - t1;
    }
  } else {
    R result = invoke();
    std::int64_t t2 = detail::nowNs();
    auto* out = call.outputs->mutable_literals();
    auto outputs = [&]() -> decltype(auto) {
      if constexpr (std::is_null_pointer_v<decltype(Fields)>)
        return static_cast<const R&>(result);
      else
        return Fields(result);
    };
    using Outputs = std::decay_t<decltype(outputs())>;
    OutputTraits<Outputs>::each(outputs(), [&](auto index, const auto& value) {
      constexpr std::size_t I = decltype(index)::value;
      const std::string name(call.entry.outputs.at(I));
      try {
        LiteralTraits<std::decay_t<decltype(value)>>::encode(value, &(*out)[name], call.hooks);
      } catch (const ConversionError& e) {
        throw UserFailure("USER:OutputConversion", "output '" + name + "'" + e.where() + ": " + e.detail());
      }
    });
    if (call.timings) {
      call.timings->decode += t1 - t0;
      call.timings->call += t2 - t1;
      call.timings->encode += detail::nowNs() - t2;
    }
  }
}

}  // namespace flytecc::runtime
