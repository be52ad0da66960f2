#pragma once

#include "httpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

/** The JSON a device sends to gengxin-server and reads back (docs/api.md "Sync"), for tests. */
namespace gx::test {

/** A valid USCC registered in a county (6-digit region code), distinct for each n < 10^6. */
[[nodiscard]] QString testUscc(const QString &region, int n);
/** A new lower-case UUID, as devices make record and mutation ids. */
[[nodiscard]] QString newUuid();
/** "MILLIS:COUNTER:DEVICE", an HLC as devices write it. */
[[nodiscard]] QString hlcText(qint64 millis, const QString &device, quint32 counter = 0);

/** An upsert as a device pushes it; mutationId "" makes a new one. */
[[nodiscard]] QJsonObject upsertJson(const QString &entity, const QString &id,
                                     const QJsonObject &fields, qint64 baseRev, const QString &hlc,
                                     const QString &mutationId = {});
/** A delete as a device pushes it; mutationId "" makes a new one. */
[[nodiscard]] QJsonObject deleteJson(const QString &entity, const QString &id, qint64 baseRev,
                                     const QString &hlc, const QString &mutationId = {});
/** {"device_id","mutations"}, the body of POST /api/v1/sync/push. */
[[nodiscard]] QJsonObject pushBody(const QString &deviceId, const QJsonArray &mutations);
/** The "results" of a push answer. */
[[nodiscard]] QJsonArray pushResults(const HttpResult &result);

/** The fields of a draft survey that validates (state draft). */
[[nodiscard]] QJsonObject draftSurveyFields(const QString &uscc, int period = 2024);
/** The fields of a complete survey that validates on submission (state submitted). */
[[nodiscard]] QJsonObject submittedSurveyFields(const QString &uscc, int period = 2024);
/** The fields of an equipment row of a survey that validates. */
[[nodiscard]] QJsonObject equipmentFields(const QString &surveyId,
                                          const QString &name = QStringLiteral("CNC lathe"));

/** Any JSON value as compact text ("\"a\"", "3", "null", "{...}"). */
[[nodiscard]] QString compactJson(const QJsonValue &value);

/**
 * A push load of `batches` request bodies from one device: batch 0 creates one draft survey per
 * enterprise and `rows` equipment rows spread over them (quantity 1); batch b >= 1 sets every
 * row's quantity to b + 1 with base_rev b. Used by the kill and two-server suites, which check
 * that each mutation has exactly one effect.
 */
struct QuantityLoad
{
    QList<QJsonObject> batches; ///< push bodies, in order
    QStringList rows;           ///< equipment ids
};
[[nodiscard]] QuantityLoad makeQuantityLoad(const QString &device, const QStringList &enterprises,
                                            int rows, int batches);

} // namespace gx::test
