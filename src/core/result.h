#pragma once

#include <utility>
#include <variant>

namespace gx {

/**
 * The outcome of a fallible call: either a value or an error that says what went wrong.
 *
 * A stand-in for C++23's std::expected, which the Debian 12 toolchain lacks in C++20 mode.
 * Callers test it with ok() (or in a boolean context) before reading value().
 */
template <typename T, typename E>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::in_place_index<0>, std::move(value))
    {}
    Result(E error)
        : m_value(std::in_place_index<1>, std::move(error))
    {}

    [[nodiscard]] bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<0>(m_value); }
    [[nodiscard]] T &value() & { return std::get<0>(m_value); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_value)); }
    [[nodiscard]] const E &error() const { return std::get<1>(m_value); }

private:
    std::variant<T, E> m_value;
};

/** The success value of a fallible call that returns nothing else. */
using Done = std::monostate;

/**
 * The outcome of a fallible call that returns nothing else: Done, or the error.
 *
 * The one success-or-error style of every library (docs/architecture.md): write
 * `if (auto done = call(); !done) return done.error();`. std::optional<Problem> stays for pure
 * checks that change nothing (is this id, this name, this value acceptable?).
 */
template <typename E>
using Status = Result<Done, E>;

} // namespace gx
