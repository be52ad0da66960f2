#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace gx {

/**
 * What the office's server-backed list models share (CoverageModel, SupplyDemandModel,
 * SupplyDemandDetailModel): the Session they ask through (rebinding follows its period and
 * language), the survey year (0 follows the Session's), loading and a readable error, the
 * periods the server offers (GET /api/v1/targets: every year with targets, surveys or official
 * figures; cached, so they are there offline too; the period shown is always among them), and
 * the offline copy: the last good answer of a question kept under the app's data directory
 * (DATA/office/NAME-HOST_PORT-TAIL.json, written whole with QSaveFile) with the time it was
 * read, shown when the server cannot be reached and then marked (fromCache, lastUpdatedText,
 * offlineText: 离线数据，截至 2026-12-07 10:30).
 *
 * A subclass says what to do when the question changes (reload(): the session, the period, the
 * component completed) and when the language changes (relabel()).
 */
class OfficeModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** The survey year; 0 (the default) follows the Session's period. */
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /**
     * The periods to choose from, ascending: the server's (or the cached) list with period()
     * added when it is missing.
     */
    Q_PROPERTY(QVariantList periods READ periods NOTIFY periodsChanged)
    /** What is shown is the offline copy of lastUpdated, not a fresh answer. */
    Q_PROPERTY(bool fromCache READ isFromCache NOTIFY answerTimeChanged)
    /** When the answer shown was read from the server (invalid while nothing is shown). */
    Q_PROPERTY(QDateTime lastUpdated READ lastUpdated NOTIFY answerTimeChanged)
    Q_PROPERTY(QString lastUpdatedText READ lastUpdatedText NOTIFY answerTimeChanged)
    /** "Offline data, as of TIME" while fromCache, else "". */
    Q_PROPERTY(QString offlineText READ offlineText NOTIFY answerTimeChanged)

public:
    /** An answer kept offline and when it was read. */
    struct Cached
    {
        QJsonObject answer;
        QDateTime fetchedAt;
    };

    explicit OfficeModel(QObject *parent = nullptr);
    ~OfficeModel() override;

    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] int period() const;
    void setPeriod(int period);
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QVariantList periods() const;
    [[nodiscard]] bool isFromCache() const { return m_fromCache; }
    [[nodiscard]] QDateTime lastUpdated() const { return m_lastUpdated; }
    [[nodiscard]] QString lastUpdatedText() const;
    [[nodiscard]] QString offlineText() const;

signals:
    void sessionChanged();
    void periodChanged();
    void loadingChanged();
    void errorChanged();
    void periodsChanged();
    void answerTimeChanged();
    /** A refresh ended (ok: the server answered and its answer was read). */
    void refreshed(bool ok);

protected:
    /** The question changed (session, period, component completed): show it again. */
    virtual void reload() = 0;
    /** The UI's language changed: relabel what is shown. */
    virtual void relabel() {}

    /** Whether the component is complete and has a session (reload() may ask). */
    [[nodiscard]] bool isReady() const { return m_complete && m_session; }
    [[nodiscard]] OfficeClient &client() { return m_client; }
    void setLoading(bool loading);
    void setError(const QString &error);
    /** The answer shown is of `when`, fresh or from the offline copy (invalid: none shown). */
    void setAnswerTime(const QDateTime &when, bool fromCache);
    /** The Session's clock, in UTC. */
    [[nodiscard]] QDateTime now() const;

    /** The periods as last seen from this server (offline), then asks the server for them. */
    void loadCachedPeriods();
    void refreshPeriods();

    /** The offline copy of NAME-HOST-TAIL, if one is kept and is an object. */
    [[nodiscard]] std::optional<Cached> readCache(const QString &name, const QString &tail) const;
    /** Keeps `answer` (read at `when`) as the offline copy of NAME-HOST-TAIL, whole or not. */
    void writeCache(const QString &name, const QString &tail, const QJsonObject &answer,
                    const QDateTime &when) const;

private:
    /** DATA/office/NAME-HOST_PORT[-TAIL].json: a cache file of this server. */
    [[nodiscard]] QString cacheFile(const QString &name, const QString &tail) const;
    void setPeriods(const QList<int> &periods);

    QPointer<Session> m_session;
    OfficeClient m_client;
    OfficeClient m_periodsClient;
    int m_period = 0;
    QList<int> m_periods; ///< the server's (or cached) periods, without period() added
    QDateTime m_lastUpdated;
    QString m_error;
    bool m_loading = false;
    bool m_fromCache = false;
    bool m_complete = true;
};

} // namespace gx
