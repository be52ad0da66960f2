#include "formversion.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::test {

QJsonObject withNewSurveyField(const QJsonObject &definition)
{
    QJsonObject next = definition;
    next.insert(u"version"_s, definition.value(u"version"_s).toInt() + 1);
    const QJsonObject field{
        {u"name"_s, kNewSurveyField},
        {u"type"_s, u"text"_s},
        {u"label"_s, QJsonObject{{u"zh_CN"_s, kNewSurveyFieldLabel}, {u"en"_s, u"Digital lead"_s}}},
        {u"hint"_s, QJsonObject{{u"zh_CN"_s, u"负责数字化改造的人员姓名"_s},
                                {u"en"_s, u"Who leads the digital transformation"_s}}},
    };
    QJsonArray entities = next.value(u"entities"_s).toArray();
    for (qsizetype e = 0; e < entities.size(); ++e) {
        QJsonObject entity = entities.at(e).toObject();
        if (entity.value(u"name"_s).toString() != u"survey"_s)
            continue;
        QJsonArray sections = entity.value(u"sections"_s).toArray();
        qsizetype at = 0;
        for (qsizetype s = 0; s < sections.size(); ++s) {
            if (sections.at(s).toObject().value(u"id"_s).toString() == u"digital"_s)
                at = s;
        }
        QJsonObject section = sections.at(at).toObject();
        QJsonArray fields = section.value(u"fields"_s).toArray();
        fields.append(field);
        section.insert(u"fields"_s, fields);
        sections.replace(at, section);
        entity.insert(u"sections"_s, sections);
        entities.replace(e, entity);
    }
    next.insert(u"entities"_s, entities);
    return next;
}

QJsonObject withCatalogue(const QJsonObject &definition)
{
    QFile file(QStringLiteral(GX_SOURCE_DIR "/assets/forms/catalogue.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QJsonObject next = definition;
    next.insert(u"version"_s, definition.value(u"version"_s).toInt() + 1);
    QJsonArray entities = next.value(u"entities"_s).toArray();
    const QJsonArray catalogue =
        QJsonDocument::fromJson(file.readAll()).object().value(u"entities"_s).toArray();
    for (const QJsonValue &entity : catalogue)
        entities.append(entity);
    next.insert(u"entities"_s, entities);
    return next;
}

QJsonObject bundledSurveyDefinition()
{
    QFile file(QStringLiteral(GX_SOURCE_DIR "/assets/forms/survey.v1.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace gx::test
