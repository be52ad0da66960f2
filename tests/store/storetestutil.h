#pragma once

#include "core/result.h"
#include "store/devicestore.h"
#include "store/storeerror.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

/** What the store suites share: a wall clock set by hand and the text of a failed Result. */
namespace gxtest {

/** A wall clock the test moves by hand; starts at 2024-11-20 08:00 UTC. */
struct FakeClock
{
    qint64 now = 1732089600000;
    std::function<qint64()> source()
    {
        return [this] {
            return now;
        };
    }
};

/** The error of a failed result as text for QVERIFY2 (empty when it succeeded). */
template <typename T>
QByteArray why(const gx::Result<T, gx::StoreError> &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

inline QByteArray why(const std::optional<gx::StoreError> &error)
{
    return error ? error->toString().toUtf8() : QByteArray();
}

} // namespace gxtest

/** Fails the test function when a store Result holds an error, printing it. Evaluates the
 * expression once. */
#define GX_OK(expression)                                                                          \
    do {                                                                                           \
        const auto &gxResult_ = (expression);                                                      \
        QVERIFY2(gxResult_.ok(), gxtest::why(gxResult_).constData());                              \
    } while (false)
