#include "app/sampledata.h"

#include "core/uscc.h"
#include "store/devicestore.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx {

Status<QString> SampleData::seed(DeviceStore &store, const QString &region, int period)
{
    const QStringList names = {u"丽水精密阀门有限公司"_s, u"莲都泵业股份有限公司"_s,
                               u"浙江瓯江电机有限公司"_s};
    QStringList usccs;
    for (int i = 0; i < names.size(); ++i) {
        const QString uscc =
            makeUscc(u'9', u'1', region.left(6), u"7%1"_s.arg(i + 1, 7, 10, QLatin1Char('0')));
        auto created = store.createRecord(u"enterprise"_s,
                                          QJsonObject{{u"uscc"_s, uscc},
                                                      {u"name"_s, names.at(i)},
                                                      {u"region"_s, region},
                                                      {u"industry_code"_s, u"3443"_s},
                                                      {u"above_size"_s, true}},
                                          uscc);
        if (!created)
            return created.error().message;
        usccs.append(uscc);
    }
    auto survey = store.createRecord(u"survey"_s, QJsonObject{{u"enterprise"_s, usccs.first()},
                                                              {u"period"_s, period},
                                                              {u"state"_s, u"draft"_s},
                                                              {u"digital_level"_s, 2},
                                                              {u"design_tools"_s, true},
                                                              {u"key_processes"_s, 4},
                                                              {u"key_processes_cnc"_s, 3}});
    if (!survey)
        return survey.error().message;
    const QString surveyId = survey.value().id;
    const QList<QJsonObject> rows = {
        {{u"survey"_s, surveyId},
         {u"category"_s, u"machine_tool"_s},
         {u"name"_s, u"数控车床"_s},
         {u"quantity"_s, 4},
         {u"commissioned_year"_s, 2012},
         {u"is_cnc"_s, true},
         {u"status"_s, u"in_service"_s}},
        {{u"survey"_s, surveyId},
         {u"category"_s, u"motor"_s},
         {u"name"_s, u"三相异步电动机"_s},
         {u"quantity"_s, 12},
         {u"key_energy"_s, true},
         {u"efficiency_level"_s, u"access"_s},
         {u"status"_s, u"planned_renewal"_s}},
    };
    if (auto created = store.createRecords(u"equipment"_s, rows); !created)
        return created.error().message;
    auto submitted = store.createRecord(u"survey"_s, QJsonObject{{u"enterprise"_s, usccs.at(1)},
                                                                 {u"period"_s, period},
                                                                 {u"state"_s, u"submitted"_s},
                                                                 {u"digital_level"_s, 1}});
    if (!submitted)
        return submitted.error().message;
    return Done{};
}

} // namespace gx
