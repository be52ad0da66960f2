#pragma once

#include "testclock.h"

#include "core/result.h"
#include "store/devicestore.h"
#include "store/storeerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

/**
 * What the store suites share (tests/store): a device store on a new SQLite file per test
 * function, on a TestClock (tests/support) the test moves by hand, and GX_OK for the store's
 * results.
 */
namespace gx::test {

/**
 * A device store on a new file "device.db" in a new temporary directory, opened as kDevice on
 * clock(). It is used like the pointer to the store it holds (`m_store->outbox()`), and set up
 * afresh for each test function:
 *
 *     void init() { QCOMPARE(m_store.setUp(), QString()); }
 *     void cleanup() { m_store.tearDown(); }
 *
 * A suite that opens the file itself (to test the opening) calls setUpClosed() and open().
 */
class StoreFixture
{
public:
    static inline const QString kDevice = QStringLiteral("tablet-7");
    /** Where clock() starts: 2024-11-20 08:00 UTC. */
    static constexpr qint64 kClockStart = 1732089600000;

    /** A new directory and clock, and the store opened in it; returns "" or why it failed. */
    [[nodiscard]] QString setUp();
    /** A new directory and clock, no store opened yet; returns "" or why it failed. */
    [[nodiscard]] QString setUpClosed();
    /** Closes the store and the directory (the store first: its files are in it). */
    void tearDown();

    /** Closes the store (as when the app is killed) and opens the same file again: "" or why. */
    [[nodiscard]] QString reopen();
    /** Closes the store this fixture holds. */
    void close() { m_store.reset(); }
    /** Opens the fixture's file as `device`, on its clock, without keeping it. */
    [[nodiscard]] Result<std::unique_ptr<DeviceStore>, StoreError>
    open(const QString &device = kDevice);

    /** The open store (setUp() or reopen() succeeded). */
    [[nodiscard]] DeviceStore &store() { return *m_store; }
    [[nodiscard]] DeviceStore *operator->() { return m_store.get(); }
    [[nodiscard]] TestClock &clock() { return m_clock; }
    /** The database file. */
    [[nodiscard]] QString path() const;
    /** A file in the fixture's directory. */
    [[nodiscard]] QString filePath(const QString &name) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    TestClock m_clock{kClockStart};
    std::unique_ptr<DeviceStore> m_store;
};

/** A JSON object from its text (empty when the text is not one). */
[[nodiscard]] QJsonObject jsonObject(const char *json);

/** The error of a failed store Result or Status as text for QVERIFY2 (empty when it succeeded). */
template <typename R>
QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace gx::test

/** Fails the test function when a store Result holds an error, printing it. Evaluates the
 * expression once. */
#define GX_OK(expression)                                                                          \
    do {                                                                                           \
        const auto &gxResult_ = (expression);                                                      \
        QVERIFY2(gxResult_.ok(), gx::test::why(gxResult_).constData());                            \
    } while (false)
