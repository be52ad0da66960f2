#include "sync/records/blobrefs.h"

#include "core/blobname.h"
#include "sync/records/recordstore.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QHash<QString, QStringList> photoFieldsOf(const FormDefinition &form)
{
    QHash<QString, QStringList> out;
    for (const EntityDefinition &entity : form.entities()) {
        for (const FieldDefinition &field : entity.fields) {
            if (field.type == FieldType::Photo)
                out[entity.name].append(field.name);
        }
    }
    return out;
}

QStringList namedIn(const QStringList &photoFields, const QJsonObject &fields)
{
    QStringList names;
    for (const QString &field : photoFields) {
        const QString value = fields.value(field).toString();
        if (isBlobName(value))
            names.append(value);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

const QString kInsert =
    u"INSERT INTO blob_refs (sha256, entity, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s;

} // namespace

BlobRefs::BlobRefs(StatementCache &statements, const FormDefinition &form)
    : m_statements(statements)
    , m_photoFields(photoFieldsOf(form))
{}

QStringList BlobRefs::named(const StoredRecord &record) const
{
    const auto fields = m_photoFields.constFind(record.entity);
    if (record.deleted || fields == m_photoFields.constEnd())
        return {};
    return namedIn(*fields, record.fields);
}

DbStatus BlobRefs::update(const std::optional<StoredRecord> &before, const StoredRecord &after)
{
    if (!m_photoFields.contains(after.entity))
        return Done{};
    const QStringList was = before ? named(*before) : QStringList();
    const QStringList now = named(after);
    if (was == now)
        return Done{};
    for (const QString &name : was) {
        if (now.contains(name))
            continue;
        if (auto removed = m_statements.run(
                u"DELETE FROM blob_refs WHERE sha256 = ? AND entity = ? AND id = ?"_s,
                {name, after.entity, after.id});
            !removed)
            return removed;
    }
    for (const QString &name : now) {
        if (was.contains(name))
            continue;
        if (auto added = m_statements.run(kInsert, {name, after.entity, after.id}); !added)
            return added;
    }
    return Done{};
}

DbStatus BlobRefs::backfill(Database &db, const FormDefinition &form)
{
    const QHash<QString, QStringList> photoFields = photoFieldsOf(form);
    for (auto entity = photoFields.constBegin(); entity != photoFields.constEnd(); ++entity) {
        auto records = db.exec(u"SELECT id, fields FROM records WHERE entity = ? AND deleted = 0"_s,
                               {entity.key()});
        if (!records)
            return records.error();
        QList<QPair<QString, QString>> refs; // (sha256, id), written after the read finishes
        while (records.value().next()) {
            const QJsonObject fields =
                QJsonDocument::fromJson(records.value().value(1).toString().toUtf8()).object();
            for (const QString &name : namedIn(entity.value(), fields))
                refs.append({name, records.value().value(0).toString()});
        }
        records.value().finish();
        for (const auto &[name, id] : refs) {
            if (auto added = db.run(kInsert, {name, entity.key(), id}); !added)
                return added;
        }
    }
    return Done{};
}

} // namespace gx::server
