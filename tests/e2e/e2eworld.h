#pragma once

#include "blockinghttp.h"
#include "serverharness.h"
#include "testdevice.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace gx::e2e {

/**
 * The world the end-to-end suites share: one gengxin-server process over a fresh SQLite file,
 * a registry of two counties, inspectors of each, an office user, and devices made on demand
 * (each with its own store file), all over loopback.
 */
class E2eWorld
{
public:
    static inline const QString kRegion = QStringLiteral("331102");      ///< 莲都区
    static inline const QString kOtherRegion = QStringLiteral("331121"); ///< 青田县
    static inline const QString kPassword = QStringLiteral("correct horse 9");
    /** enterprise(1..kEnterprises) are in kRegion, otherEnterprise(1..kOtherEnterprises) in
     * kOtherRegion. */
    static constexpr int kEnterprises = 12;
    static constexpr int kOtherEnterprises = 3;

    /**
     * Sets everything up and starts the server; returns "" or why it failed. enterprises: how
     * many of kRegion the registry holds (at least kEnterprises).
     */
    [[nodiscard]] QString setUp(int enterprises = kEnterprises);

    [[nodiscard]] ServerHarness &server() { return m_server; }
    [[nodiscard]] QUrl baseUrl() const { return m_server.baseUrl(); }

    /**
     * A new device (own store) of the user, logged in; nullptr and *why on failure. via: the URL
     * the device talks to (a proxy), else the server's. A login that fails on the way (not a
     * refusal) is tried again, up to 20 times.
     */
    [[nodiscard]] std::unique_ptr<TestDevice> device(const QString &user, const QString &deviceId,
                                                     QString *why,
                                                     SyncOptions options = fastSyncOptions(),
                                                     const QUrl &via = {});
    /** A new device store path in the world's directory. */
    [[nodiscard]] QString storePath(const QString &deviceId);

    /** The office user's view of the server: every record by "entity/id". */
    [[nodiscard]] QHash<QString, QJsonObject> officeView(QString *why);
    /** A blocking client logged in as the office user. */
    [[nodiscard]] BlockingHttp &office() { return *m_office; }

    /** The USCC of enterprise n of kRegion (see kEnterprises). */
    [[nodiscard]] static QString enterprise(int n);
    /** The USCC of enterprise n of kOtherRegion. */
    [[nodiscard]] static QString otherEnterprise(int n);

private:
    ServerHarness m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<BlockingHttp> m_office;
    int m_stores = 0;
};

/** A new lower-case UUID. */
[[nodiscard]] QString newId();
/** The fields of a draft survey the server accepts. */
[[nodiscard]] QJsonObject draftSurvey(const QString &uscc, int period = 2024);
/** The fields of an equipment row of a survey. */
[[nodiscard]] QJsonObject equipmentRow(const QString &surveyId, const QString &name);
/** The conflict records of a view whose record_id is id, as "field:lost_value:reason". */
[[nodiscard]] QStringList conflictsIn(const QHash<QString, QJsonObject> &view, const QString &id);

} // namespace gx::e2e
