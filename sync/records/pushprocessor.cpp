#include "sync/records/pushprocessor.h"

#include "core/uscc.h"
#include "core/uuidcheck.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

using Status = MutationResult::Status;

/** The survey dates of the programme are Chinese dates (UTC+8), whatever the server's zone. */
QDate chinaDate(qint64 millis)
{
    return QDateTime::fromMSecsSinceEpoch(millis, QTimeZone(8 * 3600)).date();
}

MutationResult rejected(const QString &mutationId, qint64 rev, SyncError error)
{
    return MutationResult{mutationId, Status::Rejected, rev, std::move(error)};
}

SyncError forbidden(const QString &what)
{
    return SyncError{
        QString(SyncErrorCode::Forbidden),
        u"%1 is outside your scope; nothing was written. 超出您的权限范围，未写入。"_s.arg(what),
        {},
        {}};
}

/** A short list of the clashed fields for the note of a `conflict` result. */
SyncError conflictNote(const QList<FieldClash> &clashes)
{
    QStringList names;
    for (const FieldClash &clash : clashes)
        names.append(clash.field);
    return SyncError{QString(PushErrorCode::Conflict),
                     u"Changed on the server since your base_rev: %1; the losing values are in "
                     "the conflict log. 以下字段已被他人修改：%1，落选的值已记入冲突日志。"_s.arg(
                         names.join(u", "_s)),
                     clashes.constFirst().field,
                     {}};
}

} // namespace

PushProcessor::PushProcessor(const PushEnvironment &environment, const AuthedUser &user)
    : m_db(environment.db)
    , m_user(user)
    , m_scope(user)
    , m_records(environment.db)
    , m_resolver(environment.db, m_records, environment.forms.current())
    , m_conflicts(m_records)
    , m_log(environment.db)
    , m_blobRefs(environment.db.statements(), environment.forms.current())
    , m_statements(environment.db.statements())
    , m_forms(environment.forms)
    , m_form(environment.forms.current())
    , m_today(chinaDate(environment.now))
    , m_regions(environment.regions)
    , m_now(environment.now)
{}

bool PushProcessor::isDeviceEntity(const QString &entity) const
{
    if (entity == SyncEntity::Enterprise || entity == SyncEntity::Survey ||
        entity == SyncEntity::Equipment || entity == SyncEntity::KeyProcess)
        return true;
    // The catalogue's entities: pushed like the others, written by office and admin only (scope).
    const EntityDefinition *definition = m_form.entity(entity);
    return definition && definition->isCityWide();
}

Result<PushOutcome, DbError> PushProcessor::process(const PushRequest &request)
{
    Database &db = m_db;
    m_deviceId = request.deviceId;
    auto transaction = WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error();
    QStringList ids;
    ids.reserve(request.mutations.size());
    for (const Mutation &mutation : request.mutations)
        ids.append(mutation.mutationId);
    if (auto prefetched = m_log.prefetch(ids); !prefetched)
        return prefetched.error();
    QList<std::pair<QString, QString>> keys;
    keys.reserve(2 * request.mutations.size());
    m_submittedAt.clear();
    for (qsizetype i = 0; i < request.mutations.size(); ++i) {
        const Mutation &mutation = request.mutations.at(i);
        keys.append({mutation.entity, mutation.id});
        if (mutation.op == Mutation::Op::Upsert &&
            mutation.fields.value("state"_L1).toString() == "submitted"_L1)
            m_submittedAt.insert(mutation.entity + u'/' + mutation.id, i);
        // ... and the records their scope comes from (a survey's enterprise, a row's survey).
        if (auto anchor = m_resolver.anchorOf(mutation.entity, mutation.fields);
            anchor && !anchor->second.isEmpty())
            keys.append(*anchor);
    }
    if (auto prefetched = m_records.prefetch(keys); !prefetched)
        return prefetched.error();
    // New equipment and key-process rows are written a hundred at a time, before the commit
    // (nothing below reads them back in SQL before then; RecordStore answers them from memory).
    m_records.deferFirstRowWrites();
    PushOutcome outcome;
    PushResponse &response = outcome.response;
    response.results.reserve(request.mutations.size());
    QStringList texts;
    texts.reserve(request.mutations.size());
    // No savepoint per mutation: apply() decides every rejection before its first write, and a
    // write that fails aborts the whole push (nothing committed, nothing acknowledged), so each
    // mutation is still all or nothing, and its row in `mutations` commits with its effect.
    for (qsizetype i = 0; i < request.mutations.size(); ++i) {
        const Mutation &mutation = request.mutations.at(i);
        auto prior = m_log.find(mutation.mutationId);
        if (!prior)
            return prior.error();
        if (prior.value()) {
            MutationResult duplicate = *prior.value();
            duplicate.status = Status::Duplicate;
            texts.append(duplicate.toCompactJsonText());
            response.results.append(duplicate);
            continue;
        }
        auto result = apply(mutation, i);
        if (!result)
            return result.error();
        texts.append(result.value().toCompactJsonText());
        m_log.record(result.value(), texts.constLast(), request.deviceId, m_user.id, m_now);
        response.results.append(result.value());
    }
    if (auto flushed = m_records.flushDeferred(); !flushed)
        return flushed.error();
    if (auto flushed = m_log.flush(); !flushed)
        return flushed.error();
    if (auto committed = transaction.value().commit(); !committed)
        return committed.error();
    outcome.json = PushResponse::compactJsonFromResults(texts);
    return outcome;
}

std::optional<SyncError> PushProcessor::checkId(const Mutation &mutation) const
{
    if (mutation.entity == SyncEntity::Enterprise) {
        if (const auto problem = checkUscc(mutation.id)) {
            const LocalizedText why = describe(*problem);
            return SyncError{QString(PushErrorCode::BadId),
                             u"An enterprise's id is its USCC: %1 %2"_s.arg(why.en, why.zh),
                             {},
                             {}};
        }
        return std::nullopt;
    }
    if (!isCanonicalUuid(mutation.id)) {
        return SyncError{
            QString(PushErrorCode::BadId),
            u"The id of a %1 must be a lower-case UUID made by the device, e.g. "
            "1b4e28ba-2fa1-11d2-883f-0016d3cca427. 记录编号须为小写 UUID。"_s.arg(mutation.entity),
            {},
            {}};
    }
    return std::nullopt;
}

Result<ValidationMode, DbError> PushProcessor::validationMode(const StoredRecord &record,
                                                              qsizetype index)
{
    const auto submitted = [](const QJsonObject &fields) {
        return fields.value("state"_L1).toString() == "submitted"_L1;
    };
    if (submitted(record.fields))
        return ValidationMode::Submit;
    // A row is as strict as its parent (docs/api.md "Sync", check 6): rows of a submitted survey
    // are part of the submission. The parent as stored includes this batch's earlier writes.
    const EntityDefinition *definition = m_form.entity(record.entity);
    if (!definition || !definition->isRepeatGroup())
        return ValidationMode::Draft;
    const QString parentId = record.fields.value(definition->parentField).toString();
    if (parentId.isEmpty())
        return ValidationMode::Draft;
    if (m_submittedAt.value(definition->parent + u'/' + parentId, -1) > index)
        return ValidationMode::Submit;
    auto parent = m_records.get(definition->parent, parentId);
    if (!parent)
        return parent.error();
    const std::optional<StoredRecord> &stored = parent.value();
    return stored && !stored->deleted && submitted(stored->fields) ? ValidationMode::Submit
                                                                   : ValidationMode::Draft;
}

const Validator &PushProcessor::validator(int formVersion)
{
    auto it = m_validators.find(formVersion);
    if (it == m_validators.end()) {
        // checkVersion() has found the version, so it is held.
        const FormDefinition *form = m_forms.find(m_db, formVersion).value();
        it = m_validators
                 .try_emplace(formVersion, *form,
                              ValidationContext{m_today, m_regions.regionCodes()})
                 .first;
    }
    return it->second;
}

Result<std::optional<SyncError>, DbError> PushProcessor::checkVersion(const Mutation &mutation)
{
    auto found = m_forms.find(m_db, mutation.formVersion);
    if (!found)
        return found.error();
    const FormDefinition *form = found.value();
    if (!form) {
        return std::optional(SyncError{
            QString(SyncErrorCode::UnknownFormVersion),
            u"This server has no version %1 of the survey definition (the current one is %2); "
            "nothing was written. 服务器没有第 %1 版调查表（当前为第 %2 版），未写入。"_s
                .arg(mutation.formVersion)
                .arg(m_forms.current().version()),
            u"form_version"_s,
            {}});
    }
    if (mutation.op != Mutation::Op::Upsert)
        return std::optional<SyncError>();
    const EntityDefinition *entity = form->entity(mutation.entity);
    for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it) {
        if (entity && entity->field(it.key()))
            continue;
        return std::optional(SyncError{
            QString(PushErrorCode::UnknownField),
            u"Version %1 of the survey definition has no field '%2' in %3; nothing was written. "
            "第 %1 版调查表没有字段“%2”，未写入。"_s.arg(QString::number(mutation.formVersion),
                                                         it.key(), mutation.entity),
            it.key(),
            {}});
    }
    return std::optional<SyncError>();
}

std::optional<SyncError> PushProcessor::validate(const StoredRecord &record, ValidationMode mode,
                                                 int formVersion)
{
    if (record.entity == SyncEntity::Enterprise && record.fields.contains("uscc"_L1) &&
        record.fields.value("uscc"_L1).toString() != record.id) {
        return SyncError{QString(PushErrorCode::IdMismatch),
                         u"The field uscc must equal the enterprise's id %1. "
                         "统一社会信用代码须与企业记录编号一致。"_s.arg(record.id),
                         u"uscc"_s,
                         {}};
    }
    const QList<ValidationIssue> issues =
        validator(formVersion).validate(record.entity, record.fields, mode);
    for (const ValidationIssue &issue : issues) {
        if (issue.severity != Severity::Error)
            continue;
        return SyncError{
            issue.code, u"%1 %2"_s.arg(issue.message.en, issue.message.zh), issue.field, {}};
    }
    return std::nullopt;
}

std::optional<SyncError> PushProcessor::checkRegion(const std::optional<StoredRecord> &current,
                                                    const StoredRecord &record) const
{
    if (record.entity != SyncEntity::Enterprise || m_user.seesEverything())
        return std::nullopt;
    const QString region = record.fields.value("region"_L1).toString();
    const QString before = current ? current->fields.value("region"_L1).toString() : QString();
    if (current && region == before)
        return std::nullopt;
    if (!before.isEmpty()) {
        return SyncError{
            QString(PushErrorCode::RegionChange),
            u"Only the office can move an enterprise to another region (here from %1 to %2); "
            "nothing was written. 企业所属地区只能由市经信局变更，未写入。"_s.arg(
                before, region.isEmpty() ? u"none"_s : region),
            u"region"_s,
            {}};
    }
    if (region.isEmpty())
        return std::nullopt;
    // The validator has accepted the region, so the catalog knows it.
    const Region *known = m_regions.region(region);
    const QStringView division = usccDivisionCode(record.id);
    if (known && known->divisionCode() == division)
        return std::nullopt;
    return SyncError{
        QString(PushErrorCode::RegionMismatch),
        u"The USCC %1 was issued in the division %2 (its characters 3-8), which is not the region "
        "%3; check the USCC and the region, or ask the office to place the enterprise. "
        "统一社会信用代码第 3-8 位（登记机关行政区划 %2）与所属地区 %3 不符，"
        "请核对，或由市经信局确认。"_s.arg(record.id, division.toString(), region),
        u"region"_s,
        {}};
}

Result<std::optional<SyncError>, DbError> PushProcessor::checkOneSurvey(const StoredRecord &survey)
{
    const QJsonValue period = survey.fields.value("period"_L1);
    if (!period.isDouble())
        return std::optional<SyncError>();
    // The facts row of a survey holds its period when it is a whole number (else 0): look there
    // (index on enterprise and period) instead of parsing every record of the enterprise.
    const double year = period.toDouble();
    const bool whole = std::fabs(year) < 1e9 && year == double(int(year)) && year != 0;
    QString existing;
    if (whole) {
        auto query = m_statements.exec(u"SELECT id FROM survey_facts WHERE enterprise = ? AND "
                                       "period = ? AND deleted = 0 AND id <> ? ORDER BY id"_s,
                                       {survey.enterprise, int(year), survey.id});
        if (!query)
            return query.error();
        QSqlQuery &q = *query.value();
        if (q.next())
            existing = q.value(0).toString();
        q.finish();
    } else {
        auto query = m_statements.exec(u"SELECT id, fields FROM records WHERE enterprise = ? AND "
                                       "entity = ? AND deleted = 0 AND id <> ?"_s,
                                       {survey.enterprise, QString(SyncEntity::Survey), survey.id});
        if (!query)
            return query.error();
        QSqlQuery &q = *query.value();
        while (existing.isEmpty() && q.next()) {
            const QJsonObject fields =
                QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            if (fields.value("period"_L1) == period)
                existing = q.value(0).toString();
        }
        q.finish();
    }
    if (existing.isEmpty())
        return std::optional<SyncError>();
    return std::optional<SyncError>(
        SyncError{QString(SyncErrorCode::DuplicateSurvey),
                  u"Enterprise %1 already has the survey %2 for %3; fold this one into it. "
                  "该企业本期已有调查，请并入已有调查。"_s.arg(survey.enterprise, existing,
                                                               QString::number(period.toInteger())),
                  u"period"_s, existing});
}

Result<MutationResult, DbError> PushProcessor::apply(const Mutation &mutation, qsizetype index)
{
    const QString &mid = mutation.mutationId;
    if (!isDeviceEntity(mutation.entity)) {
        return rejected(
            mid, 0,
            SyncError{QString(PushErrorCode::UnknownEntity),
                      u"Devices cannot write records of entity '%1' (only "
                      "enterprise, survey, equipment, key_process and the city-wide entities of "
                      "the definition). 不支持的记录类型。"_s.arg(mutation.entity),
                      {},
                      {}});
    }
    if (auto bad = checkId(mutation))
        return rejected(mid, 0, *bad);

    auto stored = m_records.get(mutation.entity, mutation.id);
    if (!stored)
        return stored.error();
    const std::optional<StoredRecord> &current = stored.value();
    const qint64 currentRev = current ? current->rev : 0;
    if (current && !m_scope.covers({current->region, current->enterprise}))
        return rejected(mid, currentRev, forbidden(u"This %1"_s.arg(mutation.entity)));

    if (mutation.hlc.millis > m_now + kMaxHlcLeadMillis) {
        return rejected(
            mid, currentRev,
            SyncError{QString(PushErrorCode::BadHlc),
                      u"The hlc %1 is more than 24 hours ahead of the server's clock: "
                      "set the device's date and time. 设备时钟超前，请校准时间。"_s.arg(
                          mutation.hlc.toString()),
                      u"hlc"_s,
                      {}});
    }

    if (mutation.hlc.device != m_deviceId) {
        // The conflict log names the device of each clash from its hlc: it must be the sender.
        return rejected(
            mid, currentRev,
            SyncError{
                QString(PushErrorCode::BadHlc),
                u"The hlc %1 names the device '%2', but the push comes from '%3': a "
                "device stamps its edits with its own id. 时间戳中的设备编号与推送设备不符。"_s.arg(
                    mutation.hlc.toString(), mutation.hlc.device, m_deviceId),
                u"hlc"_s,
                {}});
    }

    auto versionProblem = checkVersion(mutation);
    if (!versionProblem)
        return versionProblem.error();
    if (versionProblem.value())
        return rejected(mid, currentRev, *versionProblem.value());

    MergeOutcome outcome = FieldMerge::merge(current, mutation, m_user.username);
    StoredRecord &record = outcome.record;
    if (mutation.op == Mutation::Op::Upsert)
        record.formVersion = mutation.formVersion;
    if (outcome.changed && !record.deleted) {
        auto mode = validationMode(record, index);
        if (!mode)
            return mode.error();
        if (auto invalid = validate(record, mode.value(), mutation.formVersion))
            return rejected(mid, currentRev, *invalid);
        if (auto misplaced = checkRegion(current, record))
            return rejected(mid, currentRev, *misplaced);
        auto resolved = m_resolver.resolve(record.entity, record.id, record.fields);
        if (!resolved)
            return resolved.error();
        if (const auto *error = std::get_if<SyncError>(&resolved.value()))
            return rejected(mid, currentRev, *error);
        const RecordScope scope = std::get<RecordScope>(resolved.value());
        if (!m_scope.covers(scope))
            return rejected(mid, currentRev, forbidden(u"The %1 as written"_s.arg(record.entity)));
        record.region = scope.region;
        record.enterprise = scope.enterprise;
        if (record.entity == SyncEntity::Survey) {
            auto duplicate = checkOneSurvey(record);
            if (!duplicate)
                return duplicate.error();
            if (duplicate.value())
                return rejected(mid, currentRev, *duplicate.value());
        }
    }
    if (outcome.changed) {
        if (auto written = m_records.write(record); !written)
            return written.error();
        if (auto named = m_blobRefs.update(current, record); !named)
            return named.error();
        m_resolver.forget(record.entity, record.id);
    }
    if (!outcome.clashes.isEmpty()) {
        if (auto logged = m_conflicts.write(record, outcome.clashes, mid, m_now); !logged)
            return logged.error();
    }
    MutationResult result{mid, outcome.status, record.rev, std::nullopt};
    if (outcome.status == Status::Conflict)
        result.error = conflictNote(outcome.clashes);
    return result;
}

} // namespace gx::server
