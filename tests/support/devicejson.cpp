#include "devicejson.h"

#include "testclock.h"

#include "core/uscc.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx::test {

QString testUscc(const QString &region, int n)
{
    return makeUscc(u'9', u'1', region, u"MA%1"_s.arg(n, 6, 10, QChar(u'0')));
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString hlcText(qint64 millis, const QString &device, quint32 counter)
{
    return u"%1:%2:%3"_s.arg(millis).arg(counter).arg(device);
}

QJsonObject upsertJson(const QString &entity, const QString &id, const QJsonObject &fields,
                       qint64 baseRev, const QString &hlc, const QString &mutationId)
{
    return {{u"mutation_id"_s, mutationId.isEmpty() ? newUuid() : mutationId},
            {u"entity"_s, entity},
            {u"id"_s, id},
            {u"op"_s, u"upsert"_s},
            {u"base_rev"_s, baseRev},
            {u"fields"_s, fields},
            {u"hlc"_s, hlc}};
}

QJsonObject deleteJson(const QString &entity, const QString &id, qint64 baseRev, const QString &hlc,
                       const QString &mutationId)
{
    return {{u"mutation_id"_s, mutationId.isEmpty() ? newUuid() : mutationId},
            {u"entity"_s, entity},
            {u"id"_s, id},
            {u"op"_s, u"delete"_s},
            {u"base_rev"_s, baseRev},
            {u"hlc"_s, hlc}};
}

QJsonObject pushBody(const QString &deviceId, const QJsonArray &mutations)
{
    return {{u"device_id"_s, deviceId}, {u"mutations"_s, mutations}};
}

QJsonArray pushResults(const HttpResult &result)
{
    return result.json().value("results"_L1).toArray();
}

QJsonObject draftSurveyFields(const QString &uscc, int period)
{
    return {{u"enterprise"_s, uscc},
            {u"period"_s, period},
            {u"state"_s, u"draft"_s},
            {u"digital_level"_s, 1},
            {u"renovation_status"_s, u"in_progress"_s}};
}

QJsonObject submittedSurveyFields(const QString &uscc, int period)
{
    return {
        {u"enterprise"_s, uscc},         {u"period"_s, period},
        {u"state"_s, u"submitted"_s},    {u"visit_date"_s, u"2024-11-20"_s},
        {u"digital_level"_s, 2},         {u"renovation_status"_s, u"in_progress"_s},
        {u"design_tools"_s, true},       {u"design_tool_kinds"_s, QJsonArray{u"cad2d"_s, u"cae"_s}},
        {u"key_processes"_s, 5},         {u"key_processes_cnc"_s, 3},
        {u"factory_tier"_s, u"none"_s},  {u"robots_total"_s, 4},
        {u"robots_added"_s, 1},          {u"tech_invest_base_10k"_s, 100},
        {u"tech_invest_10k"_s, 120},     {u"equipment_invest_base_10k"_s, 80},
        {u"equipment_invest_10k"_s, 90}, {u"first_of_kind_invest_10k"_s, 10}};
}

QJsonObject equipmentFields(const QString &surveyId, const QString &name)
{
    return {{u"survey"_s, surveyId},
            {u"category"_s, u"machine_tool"_s},
            {u"name"_s, name},
            {u"quantity"_s, 2},
            {u"commissioned_year"_s, 2012},
            {u"is_cnc"_s, true},
            {u"status"_s, u"in_service"_s}};
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QuantityLoad makeQuantityLoad(const QString &device, const QStringList &enterprises, int rows,
                              int batches)
{
    QuantityLoad load;
    QJsonArray create;
    QStringList surveys;
    for (const QString &enterprise : enterprises) {
        surveys.append(newUuid());
        create.append(upsertJson(u"survey"_s, surveys.constLast(), draftSurveyFields(enterprise), 0,
                                 hlcText(TestClock::kStart, device)));
    }
    for (int i = 0; i < rows; ++i) {
        load.rows.append(newUuid());
        QJsonObject fields = equipmentFields(surveys.at(i % surveys.size()));
        fields.insert(u"quantity"_s, 1);
        create.append(upsertJson(u"equipment"_s, load.rows.constLast(), fields, 0,
                                 hlcText(TestClock::kStart, device)));
    }
    load.batches.append(pushBody(device, create));
    for (int b = 1; b < batches; ++b) {
        QJsonArray edits;
        for (int i = 0; i < rows; ++i) {
            edits.append(upsertJson(u"equipment"_s, load.rows.at(i), {{u"quantity"_s, b + 1}}, b,
                                    hlcText(TestClock::kStart + b * 1000, device, quint32(i))));
        }
        load.batches.append(pushBody(device, edits));
    }
    return load;
}

} // namespace gx::test
