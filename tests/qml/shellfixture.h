#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace gx {

namespace test {
class TestDatabase;
class TestServer;
} // namespace test

/**
 * What the shell's Qt Quick tests need beyond Fixture: a real gengxin-server in this process on
 * loopback (port 0) with an inspector of 331102 ("insp") and an office user ("office"), both with
 * password(); stopping it to test the offline paths; and the office's review of a record, posted
 * over HTTP as the office would.
 */
class ShellFixture : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit ShellFixture(QObject *parent = nullptr);
    ~ShellFixture() override;

    /** Starts a server on a fresh database; returns its base URL ("" on failure, warned). */
    Q_INVOKABLE QString startServer();
    /** Stops the server: the port refuses connections from now on. */
    Q_INVOKABLE void stopServer();
    Q_INVOKABLE QString password() const;
    /** A valid USCC of a region, distinct per n. */
    Q_INVOKABLE QString uscc(const QString &region, int n) const;
    /** POST /api/v1/reviews as "office"; returns "" or the error. */
    Q_INVOKABLE QString review(const QString &entity, const QString &id, const QString &state,
                               const QString &comment, const QString &field = {});

private:
    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<test::TestServer> m_server;
};

} // namespace gx
