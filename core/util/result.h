#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace pw {

// An error a user can act on: what is wrong, and where when that is known.
struct Error
{
    QString message;
};

// A value or an error. Core functions return this instead of throwing, so that no exception
// crosses a module boundary and every failure carries a message meant for a person.
template<typename T, typename E = Error>
class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    static Result failure(const QString &message) { return Result(E{message}); }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

// The result of an operation that yields nothing but may fail.
class Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    {}

    static Status failure(const QString &message) { return Status(Error{message}); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace pw
