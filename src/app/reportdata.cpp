#include "app/reportdata.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

class Texts
{
    Q_DECLARE_TR_FUNCTIONS(gx::ReportData)
};

std::optional<double> number(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

ReportRegion regionOf(const QJsonObject &json)
{
    ReportRegion region;
    region.code = json.value("region"_L1).toString();
    region.name = json.value("name"_L1).toString();
    region.nameEn = json.value("name_en"_L1).toString();
    region.registry = json.value("registry"_L1).toInt();
    region.surveyed = json.value("surveyed"_L1).toInt();
    const QJsonObject indicators = json.value("indicators"_L1).toObject();
    for (auto it = indicators.begin(); it != indicators.end(); ++it)
        region.figures.insert(it.key(), ReportFigure::fromJson(it.value().toObject()));
    return region;
}

} // namespace

QJsonObject ReportFigure::toJson() const
{
    QJsonObject out{{"numerator"_L1, numerator}, {"denominator"_L1, denominator}};
    out.insert("value"_L1, value ? QJsonValue(*value) : QJsonValue());
    out.insert("target"_L1, target ? QJsonValue(*target) : QJsonValue());
    out.insert("target_op"_L1, targetOp.isEmpty() ? QJsonValue() : QJsonValue(targetOp));
    out.insert("met"_L1, met ? QJsonValue(*met) : QJsonValue());
    return out;
}

ReportFigure ReportFigure::fromJson(const QJsonObject &json)
{
    ReportFigure figure;
    figure.value = number(json.value("value"_L1));
    figure.numerator = json.value("numerator"_L1).toDouble();
    figure.denominator = json.value("denominator"_L1).toDouble();
    figure.target = number(json.value("target"_L1));
    figure.targetOp = json.value("target_op"_L1).toString();
    if (json.value("met"_L1).isBool())
        figure.met = json.value("met"_L1).toBool();
    return figure;
}

Result<ReportData, QString> ReportData::fromCoverage(const QJsonObject &json, int expectedPeriod,
                                                     const QDateTime &dataDate)
{
    const int period = json.value("period"_L1).toInt();
    if (period != expectedPeriod)
        return Texts::tr("The server answered with the figures of %1, not of %2.")
            .arg(period)
            .arg(expectedPeriod);
    if (!json.value("regions"_L1).isArray() || !json.value("city"_L1).isObject())
        return Texts::tr("The server's answer holds no figures of the regions and the city.");
    ReportData data;
    data.period = period;
    data.dataDate = dataDate;
    data.city = regionOf(json.value("city"_L1).toObject());
    for (const QJsonValue &region : json.value("regions"_L1).toArray())
        data.regions.append(regionOf(region.toObject()));
    return data;
}

} // namespace gx
