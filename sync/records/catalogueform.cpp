#include "sync/records/catalogueform.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

PublishProblem invalidCatalogue(const QString &why)
{
    return PublishProblem{FormErrorCode::InvalidForm,
                          u"catalogue"_s,
                          u"The catalogue definition (assets/forms/catalogue.json) %1"_s.arg(why),
                          {}};
}

Result<CatalogueFormOutcome, PublishProblem> publishOnce(Database &db, const QJsonArray &catalogue,
                                                         qint64 now)
{
    FormStore store(db);
    auto current = store.currentVersion();
    if (!current)
        return PublishProblem{{}, {}, current.error().message, current.error()};
    auto definitions = store.definitions(current.value() - 1);
    if (!definitions || definitions.value().isEmpty()) {
        DbError error = definitions ? DbError{} : definitions.error();
        return PublishProblem{{}, {}, u"there is no current survey definition"_s, error};
    }
    const FormDefinition &form = definitions.value().constLast();
    QJsonObject json = form.json();
    QJsonArray entities = json.value("entities"_L1).toArray();
    CatalogueFormOutcome outcome;
    for (const QJsonValue &entity : catalogue) {
        const QString name = entity.toObject().value("name"_L1).toString();
        if (form.entity(name))
            continue;
        entities.append(entity);
        outcome.added.append(name);
    }
    if (outcome.added.isEmpty())
        return outcome;
    json.insert("entities"_L1, entities);
    json.insert("version"_L1, form.version() + 1);
    auto published = store.publish(QJsonDocument(json).toJson(QJsonDocument::Compact),
                                   QString(CatalogueForm::kActor), false, now);
    if (!published)
        return published.error();
    outcome.published = published.value().version;
    return outcome;
}

} // namespace

Result<CatalogueFormOutcome, PublishProblem>
CatalogueForm::ensure(Database &db, const QByteArray &catalogueJson, qint64 now)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(catalogueJson, &parseError);
    if (!doc.isObject())
        return invalidCatalogue(u"is not a JSON object: %1"_s.arg(parseError.errorString()));
    const QJsonArray catalogue = doc.object().value("entities"_L1).toArray();
    if (catalogue.isEmpty())
        return invalidCatalogue(u"has no entities"_s);
    auto outcome = publishOnce(db, catalogue, now);
    // Another server published the same next version first: look again (it may have been ours).
    if (!outcome && outcome.error().code == FormErrorCode::VersionConflict)
        outcome = publishOnce(db, catalogue, now);
    return outcome;
}

QByteArray CatalogueForm::shipped()
{
    QFile file(u":/gengxin/forms/catalogue.json"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace gx::server
