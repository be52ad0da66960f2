#include "store/surveyfolder.h"

#include "store/localeditor.h"
#include "store/logging.h"
#include "store/storedatabase.h"
#include "store/transaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kSurvey = u"survey"_s;

/** The local survey's fields that become edits of the existing one (see the class comment). */
QJsonObject fieldsToMove(const QJsonObject &local, const QJsonObject &existing)
{
    QJsonObject moved;
    for (auto it = local.begin(); it != local.end(); ++it) {
        const QString &name = it.key();
        if (name == u"enterprise"_s || name == u"period"_s)
            continue;
        if (it.value().isNull() || it.value().isUndefined())
            continue;
        if (name == u"state"_s && it.value() != QJsonValue(u"submitted"_s))
            continue;
        if (!detail::sameValue(existing.value(name), it.value()))
            moved.insert(name, it.value());
    }
    return moved;
}

} // namespace

SurveyFolder::SurveyFolder(StoreDatabase &db, LocalEditor &editor)
    : m_db(db)
    , m_editor(editor)
    , m_records(db)
    , m_outbox(db)
{}

Result<FoldOutcome, StoreError> SurveyFolder::foldSurvey(const QString &localId,
                                                         const QString &existingId)
{
    if (localId == existingId) {
        return StoreError{StoreError::Code::InvalidArgument,
                          u"cannot fold survey %1 into itself"_s.arg(localId)};
    }
    if (auto error = detail::checkRecordId(existingId))
        return *error;
    Transaction tx(m_db);
    if (auto done = tx.begin(); !done)
        return done.error();
    const auto local = m_records.read(kSurvey, localId);
    if (!local)
        return local.error();
    if (!local.value())
        return StoreError{StoreError::Code::NotFound, u"no survey %1"_s.arg(localId)};

    // The rows under the local survey, in creation order.
    QList<std::pair<QString, QString>> rows;
    {
        QSqlQuery &q = m_db.statement(
            u"SELECT entity, id FROM records WHERE parent_id = ? AND deleted = 0 ORDER BY rowid"_s);
        q.bindValue(0, localId);
        if (auto done = m_db.exec(q); !done)
            return done.error();
        while (q.next()) {
            const QString entity = q.value(0).toString();
            if (detail::parentFieldOf(entity) == kSurvey)
                rows.append({entity, q.value(1).toString()});
        }
        q.finish();
    }
    QList<std::pair<QString, QString>> touched = rows;
    touched.prepend({kSurvey, localId});
    for (const auto &[entity, id] : std::as_const(touched)) {
        const auto entries = m_outbox.of(entity, id);
        if (!entries)
            return entries.error();
        for (const OutboxEntry &e : entries.value()) {
            if (e.status == OutboxStatus::InFlight) {
                return StoreError{
                    StoreError::Code::InFlight,
                    u"%1 %2 has a mutation in flight: fold after its push result"_s.arg(entity,
                                                                                        id)};
            }
        }
    }

    FoldOutcome outcome;
    outcome.survey = existingId;
    const auto existing = m_records.read(kSurvey, existingId);
    if (!existing)
        return existing.error();
    if (existing.value() && existing.value()->deleted) {
        return StoreError{StoreError::Code::Deleted,
                          u"survey %1 is deleted on this device"_s.arg(existingId)};
    }
    const QJsonObject moved = fieldsToMove(
        local.value()->fields, existing.value() ? existing.value()->fields : QJsonObject());
    outcome.fieldsMoved = int(moved.size());
    if (existing.value()) {
        if (!moved.isEmpty()) {
            if (auto r = m_editor.change(kSurvey, existingId, moved); !r)
                return r.error();
        }
    } else {
        QJsonObject begun = moved;
        for (const QString &name : {u"enterprise"_s, u"period"_s}) {
            if (local.value()->fields.contains(name))
                begun.insert(name, local.value()->fields.value(name));
        }
        if (auto r = m_editor.create(kSurvey, existingId, begun); !r)
            return r.error();
    }
    for (const auto &[entity, id] : std::as_const(rows)) {
        if (auto r = m_editor.change(entity, id, {{kSurvey, existingId}}); !r)
            return r.error();
        ++outcome.rowsReparented;
    }
    // The local survey goes, with its mutations (ON DELETE CASCADE).
    if (auto done = m_records.remove(kSurvey, localId); !done)
        return done.error();
    if (auto done = tx.commit(); !done)
        return done.error();
    qCInfo(lcStore) << "folded survey" << localId << "into" << existingId << ":"
                    << outcome.fieldsMoved << "fields," << outcome.rowsReparented << "rows";
    return outcome;
}

} // namespace gx
