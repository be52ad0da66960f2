#include "sync/records/reviewstore.h"

#include "core/hlc.h"
#include "core/syncprotocol.h"
#include "core/textcheck.h"
#include "core/uscc.h"
#include "core/uuidcheck.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

ReviewError invalid(const QString &message, const QString &field)
{
    return ReviewError{ReviewError::Kind::Invalid, message, field, {}};
}

ReviewError storage(const DbError &error)
{
    return ReviewError{ReviewError::Kind::Storage, error.message, {}, error};
}

} // namespace

Result<ReviewRequest, ReviewError> ReviewRequest::fromJson(const QJsonObject &body)
{
    static const QStringList known{u"entity"_s, u"id"_s, u"state"_s, u"comment"_s, u"field"_s};
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return invalid(u"'%1' is not a member of a review (known: %2)."_s.arg(
                               it.key(), known.join(u", "_s)),
                           it.key());
    }
    ReviewRequest request;
    const QList<std::pair<QString, QString *>> members{{u"entity"_s, &request.entity},
                                                       {u"id"_s, &request.id},
                                                       {u"state"_s, &request.state},
                                                       {u"comment"_s, &request.comment},
                                                       {u"field"_s, &request.field}};
    for (const auto &[name, target] : members) {
        const QJsonValue value = body.value(name);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isString())
            return invalid(u"'%1' must be a string."_s.arg(name), name);
        *target = value.toString();
    }
    return request;
}

const QStringList &ReviewStore::states()
{
    static const QStringList list{u"approved"_s, u"has_issues"_s, u"rejected"_s};
    return list;
}

ReviewStore::ReviewStore(Database &db, const FormDefinition &form)
    : m_db(db)
    , m_form(form)
{}

std::optional<ReviewError> ReviewStore::check(const ReviewRequest &request) const
{
    if (request.entity.isEmpty())
        return invalid(u"'entity' is missing: the entity of the record reviewed."_s, u"entity"_s);
    const EntityDefinition *entity = m_form.entity(request.entity);
    if (!entity) {
        QStringList names;
        for (const EntityDefinition &e : m_form.entities())
            names.append(e.name);
        return invalid(u"'%1' is not an entity that can be reviewed (one of: %2)."_s.arg(
                           request.entity, names.join(u", "_s)),
                       u"entity"_s);
    }
    if (request.id.isEmpty())
        return invalid(u"'id' is missing: the id of the record reviewed."_s, u"id"_s);
    // As a push checks ids (PushProcessor::checkId): an enterprise's is its USCC, every other
    // record's a UUID; anything else cannot name a record.
    const bool idShaped = request.entity == SyncEntity::Enterprise ? !checkUscc(request.id)
                                                                   : isCanonicalUuid(request.id);
    if (!idShaped) {
        return invalid(request.entity == SyncEntity::Enterprise
                           ? u"'id' of an enterprise is its USCC (18 characters)."_s
                           : u"'id' is not a record id (a lower-case UUID)."_s,
                       u"id"_s);
    }
    if (!states().contains(request.state)) {
        return invalid(
            u"'state' must be one of %1, not '%2'."_s.arg(states().join(u", "_s), request.state),
            u"state"_s);
    }
    if (request.state != "approved"_L1 && request.comment.trimmed().isEmpty()) {
        return invalid(u"A review that is '%1' needs a comment saying what to fix "
                       "(审核意见不能为空)."_s.arg(request.state),
                       u"comment"_s);
    }
    if (request.comment.size() > kMaxCommentLength) {
        return invalid(u"'comment' is longer than %1 characters."_s.arg(kMaxCommentLength),
                       u"comment"_s);
    }
    // The comment reaches the county's devices in a pull page: what the codec would refuse
    // there is refused here (core/textcheck.h).
    if (auto problem = textProblem(request.comment)) {
        return invalid(u"'comment' %1."_s.arg(textProblemMessage(request.comment, *problem)),
                       u"comment"_s);
    }
    if (!request.field.isEmpty() && !entity->field(request.field)) {
        return invalid(u"'%1' is not a field of %2 in survey definition %3 v%4."_s
                           .arg(request.field, request.entity, m_form.id())
                           .arg(m_form.version()),
                       u"field"_s);
    }
    return std::nullopt;
}

Result<StoredRecord, ReviewError> ReviewStore::create(const ReviewRequest &request,
                                                      const QString &reviewId,
                                                      const QString &reviewer, qint64 now)
{
    if (auto problem = check(request))
        return *problem;
    RecordStore records(m_db);
    auto found = records.get(request.entity, request.id);
    if (!found)
        return storage(found.error());
    if (!found.value() || found.value()->deleted) {
        return ReviewError{ReviewError::Kind::NotFound,
                           u"There is no %1 with id '%2'%3."_s.arg(
                               request.entity, request.id,
                               found.value() ? u" any more (it was deleted)"_s : QString()),
                           u"id"_s,
                           {}};
    }
    const StoredRecord &target = *found.value();

    StoredRecord review{kEntity, reviewId, 0, 0, false, {}, {}, target.region, target.enterprise};
    const QJsonObject fields{
        {u"entity"_s, request.entity},
        {u"record_id"_s, request.id},
        {u"state"_s, request.state},
        {u"comment"_s, request.comment},
        {u"field"_s, request.field.isEmpty() ? QJsonValue() : QJsonValue(request.field)},
        {u"reviewer"_s, reviewer},
        {u"reviewed_at"_s,
         QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs)},
    };
    (void)RecordStore::applyServerChanges(review, fields, Hlc{now, 0, RecordStore::kServerDevice});
    if (auto written = records.write(review); !written)
        return storage(written.error());
    return review;
}

QJsonObject ReviewStore::toJson(const StoredRecord &review)
{
    QJsonObject out = review.fields;
    out.insert(u"id"_s, review.id);
    out.insert(u"rev"_s, review.rev);
    return out;
}

} // namespace gx::server
