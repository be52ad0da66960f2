#include "figuresfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gx {

using namespace Qt::StringLiterals;

namespace {

Result<IndicatorInput, QString> failure(const QString &message)
{
    return message;
}

} // namespace

Result<IndicatorInput, QString> readFiguresFile(const QString &path, const RegionCatalog &catalog)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(path + u": "_s + file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return failure(path + u": not a JSON object ("_s + parseError.errorString() +
                       u" at offset "_s + QString::number(parseError.offset) + u')');
    const QJsonObject root = doc.object();
    if (!root.value(u"period"_s).isDouble())
        return failure(path + u": \"period\" (a year) is missing"_s);

    IndicatorInput input;
    input.period = root.value(u"period"_s).toInt();
    input.catalog = catalog;
    for (const QJsonValue &v : root.value(u"registry"_s).toArray()) {
        const QJsonObject o = v.toObject();
        input.registry.append({o.value(u"uscc"_s).toString(), o.value(u"name"_s).toString(),
                               o.value(u"region"_s).toString(),
                               o.value(u"industry_code"_s).toString(),
                               o.value(u"above_size"_s).toBool()});
    }
    for (const QJsonValue &v : root.value(u"enterprises"_s).toArray()) {
        const QJsonObject o = v.toObject();
        input.enterprises.append(EnterpriseFacts::fromFields(o.value(u"uscc"_s).toString(), o));
    }
    for (const QJsonValue &v : root.value(u"surveys"_s).toArray()) {
        const QJsonObject o = v.toObject();
        const auto review = reviewStateFromName(o.value(u"review"_s).toString());
        if (!review)
            return failure(path + u": survey "_s + o.value(u"id"_s).toString() +
                           u": unknown review state \""_s + o.value(u"review"_s).toString() + u'"');
        input.surveys.append(SurveyFacts::fromFields(o.value(u"id"_s).toString(),
                                                     o.value(u"fields"_s).toObject(), *review));
    }
    for (const QJsonValue &v : root.value(u"equipment"_s).toArray())
        input.equipment.append(
            EquipmentFacts::fromFields(v.toObject().value(u"fields"_s).toObject()));
    const QJsonObject official = root.value(u"official"_s).toObject();
    for (auto region = official.begin(); region != official.end(); ++region) {
        const QJsonObject figures = region.value().toObject();
        for (auto f = figures.begin(); f != figures.end(); ++f) {
            if (!officialIndicatorNames().contains(f.key()) || !f.value().isDouble())
                return failure(path + u": official."_s + region.key() + u'.' + f.key() +
                               u": not an official indicator with a number"_s);
            input.official[region.key()][f.key()] = OfficialFigure{f.value().toDouble(), {}, {}};
        }
    }
    return input;
}

} // namespace gx
