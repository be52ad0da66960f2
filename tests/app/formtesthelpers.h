#pragma once

#include "app/session.h"
#include "store/devicestore.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace gx::test {

/** 2024-11-28 12:00 UTC: the clock of the form suites. */
inline constexpr qint64 kFormClock = 1732795200000;

/** A Session over a temporary directory with an inspector's store opened offline, an enterprise
 * and its survey for 2024 (a fixture of the form suites). */
struct FormWorld
{
    QTemporaryDir dir;
    std::unique_ptr<Session> session;
    QString surveyId;

    [[nodiscard]] bool open()
    {
        AppEnvironment env;
        env.dataDir = dir.path();
        env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
        env.clock = [] {
            return kFormClock;
        };
        const QByteArray assets = qgetenv("GX_ASSETS_DIR");
        if (!assets.isEmpty())
            env.assetsDir = QString::fromLocal8Bit(assets);
        session = std::make_unique<Session>(env);
        if (!session
                 ->openLocal(QStringLiteral("li"), QStringLiteral("inspector"),
                             QStringLiteral("331102"), {})
                 .ok())
            return false;
        const QString uscc = QStringLiteral("91331102710000371F");
        auto enterprise = session->store()->createRecord(
            QStringLiteral("enterprise"),
            QJsonObject{{QStringLiteral("name"), QStringLiteral("丽水精工机械有限公司")},
                        {QStringLiteral("region"), QStringLiteral("331102")}},
            uscc);
        if (!enterprise)
            return false;
        auto survey = session->store()->createRecord(
            QStringLiteral("survey"),
            QJsonObject{{QStringLiteral("enterprise"), uscc},
                        {QStringLiteral("period"), 2024},
                        {QStringLiteral("state"), QStringLiteral("draft")}});
        if (!survey)
            return false;
        surveyId = survey.value().id;
        return true;
    }

    [[nodiscard]] QJsonObject stored(const QString &entity, const QString &id) const
    {
        auto r = session->store()->record(entity, id);
        return r && r.value() ? r.value()->fields : QJsonObject();
    }
};

} // namespace gx::test
