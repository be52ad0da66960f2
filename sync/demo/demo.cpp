#include "sync/demo/demo.h"

#include "core/validator.h"
#include "sync/figures/catalogueimport.h"
#include "sync/records/catalogueform.h"
#include "sync/records/coveragefacts.h"
#include "sync/records/formstore.h"
#include "sync/records/recordstore.h"
#include "sync/records/reviewstore.h"
#include "sync/store/auditlog.h"
#include "sync/store/secrets.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

DemoError storage(const DbError &error)
{
    return DemoError{DemoError::Kind::Storage, error.message};
}

QString describe(const DemoRecord &record, const QList<ValidationIssue> &issues)
{
    QStringList parts;
    for (const ValidationIssue &issue : issues)
        parts.append(u"%1 (%2): %3"_s.arg(issue.field, issue.code, issue.message.en));
    return u"%1 %2: %3"_s.arg(record.entity, record.id, parts.join(u"; "_s));
}

/** Who carried out an enterprise's digital transformation: fictitious providers, and the
 * enterprise itself. */
const QStringList kProviders{u"浙江瓯江数智科技有限公司"_s, u"丽水括苍工业互联网服务有限公司"_s,
                             u"自主实施"_s, u"浙江处州智能制造技术服务有限公司"_s};

const QString kProviderField = u"digital_service_provider"_s;

} // namespace

Demo::Demo(Database &db, const FormDefinition &form, const RegionCatalog &catalog)
    : m_db(db)
    , m_form(form)
    , m_catalog(catalog)
{}

QStringList Demo::validate(const DemoCity &city, const FormDefinition &form,
                           const RegionCatalog &catalog, qint64 now)
{
    const Validator validator(
        form, ValidationContext{QDateTime::fromMSecsSinceEpoch(now).date(), catalog.regionCodes()});
    QStringList problems;
    for (const DemoRecord &record : city.records) {
        const bool draft = record.entity == "survey"_L1 &&
                           record.fields.value("state"_L1).toString() == "draft"_L1;
        const auto issues = validator.validate(
            record.entity, record.fields, draft ? ValidationMode::Draft : ValidationMode::Submit);
        if (!issues.isEmpty())
            problems.append(describe(record, issues));
    }
    return problems;
}

QList<DemoUser> Demo::plannedUsers(const DemoCity &city) const
{
    QList<DemoUser> users{{u"admin"_s, Role::Admin, {}, {}, {}},
                          {u"office"_s, Role::Office, {}, {}, {}}};
    for (const Region &region : m_catalog.regions())
        users.append(
            {u"inspector-"_s + region.code.toLower(), Role::Inspector, region.code, {}, {}});
    if (!city.enterpriseUserUscc.isEmpty()) {
        users.append({u"enterprise-"_s + city.enterpriseUserUscc,
                      Role::Enterprise,
                      {},
                      city.enterpriseUserUscc,
                      {}});
    }
    return users;
}

Status<DemoError> Demo::checkEmpty(const QList<DemoUser> &users)
{
    auto records = m_db.exec(u"SELECT COUNT(*) FROM records"_s);
    if (!records)
        return storage(records.error());
    const qint64 count = records.value().next() ? records.value().value(0).toLongLong() : 0;
    if (count > 0) {
        return DemoError{DemoError::Kind::NotEmpty,
                         u"the store already holds %1 record(s): the demo fills only a new, "
                         "empty store (give it a new --db)"_s.arg(count)};
    }
    for (const DemoUser &user : users) {
        auto found = m_db.exec(u"SELECT 1 FROM users WHERE username = ?"_s, {user.username});
        if (!found)
            return storage(found.error());
        if (found.value().next()) {
            return DemoError{DemoError::Kind::NotEmpty,
                             u"the store already has a user '%1', which the demo would create: "
                             "the demo fills only a new store"_s.arg(user.username)};
        }
    }
    return Done{};
}

Result<DemoSummary, DemoError> Demo::run(const DemoOptions &options, const QString &actor,
                                         qint64 now)
{
    if (options.enterprises < DemoOptions::kMinEnterprises ||
        options.enterprises > DemoOptions::kMaxEnterprises) {
        return DemoError{DemoError::Kind::Invalid,
                         u"--enterprises takes %1 to %2"_s.arg(DemoOptions::kMinEnterprises)
                             .arg(DemoOptions::kMaxEnterprises)};
    }
    if (auto empty = checkEmpty(plannedUsers({})); !empty)
        return empty.error();

    DemoSummary summary;
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storage(transaction.error());
    // Generated, checked and written a batch of enterprises at a time, in one transaction:
    // a problem anywhere rolls everything back.
    std::optional<DemoError> failure;
    QString enterpriseUser;
    const bool complete = DemoCityBuilder(m_catalog, options)
                              .build(
                                  [&](const DemoCity &part) {
                                      enterpriseUser = part.enterpriseUserUscc;
                                      if (auto written = write(part, now, summary); !written) {
                                          failure = written.error();
                                          return false;
                                      }
                                      return true;
                                  },
                                  kBatch);
    if (!complete)
        return *failure;

    QJsonObject counts;
    for (auto it = summary.records.cbegin(); it != summary.records.cend(); ++it)
        counts.insert(it.key(), it.value());
    auto audited = AuditLog::record(m_db, now, actor, AuditAction::DemoGenerated,
                                    {{u"period"_s, options.period},
                                     {u"seed"_s, QString::number(options.seed)},
                                     {u"registry"_s, summary.registry},
                                     {u"records"_s, counts},
                                     {u"official_figures"_s, summary.official}});
    if (!audited)
        return storage(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storage(committed.error());
    if (!options.nextVersion.isEmpty()) {
        if (auto published = publishNextVersion(options, now, summary); !published)
            return published.error();
    }
    if (!options.catalogue.isEmpty()) {
        auto ensured = CatalogueForm::ensure(m_db, options.catalogue, now);
        if (!ensured) {
            return DemoError{DemoError::Kind::Invalid,
                             u"cannot add the catalogue to the survey definition: "_s +
                                 ensured.error().message};
        }
        summary.catalogueVersion = ensured.value().published;
        if (auto listed = writeCatalogue(options, now, summary); !listed)
            return listed.error();
    }

    DemoCity names;
    names.enterpriseUserUscc = enterpriseUser;
    UserStore store(m_db, m_catalog);
    for (DemoUser user : plannedUsers(names)) {
        user.password = Secrets::newToken().left(16);
        auto added = store.add(
            {user.username, user.role, user.region, user.enterprise, user.password}, actor, now);
        if (!added) {
            return DemoError{DemoError::Kind::Storage, u"cannot add the demo user %1: %2"_s.arg(
                                                           user.username, added.error().message)};
        }
        summary.users.append(user);
    }
    return summary;
}

Status<DemoError> Demo::writeCatalogue(const DemoOptions &options, qint64 now, DemoSummary &summary)
{
    // The demo's catalogue (assets/demo/catalogue-ENTITY.csv) goes in as the office imports it.
    auto forms = FormVersions::load(m_db);
    if (!forms)
        return storage(forms.error());
    const FormDefinition &form = forms.value().current();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now).date();
    for (auto it = options.catalogueLists.cbegin(); it != options.catalogueLists.cend(); ++it) {
        const CatalogueFile file =
            CatalogueImport::parse(it.value(), form, it.key(), m_catalog, today);
        if (!file.ok()) {
            return DemoError{DemoError::Kind::Invalid,
                             u"the demo's %1 list is refused: line %2: %3"_s.arg(
                                 it.key(), QString::number(file.errors.constFirst().line),
                                 file.errors.constFirst().message)};
        }
        auto written = CatalogueImport::apply(m_db, it.key(), form.version(), file.rows,
                                              u"office"_s, u"demo"_s, now);
        if (!written)
            return storage(written.error());
        summary.records[it.key()] += written.value().added;
    }
    return Done{};
}

Status<DemoError> Demo::publishNextVersion(const DemoOptions &options, qint64 now,
                                           DemoSummary &summary)
{
    auto published = FormStore(m_db).publish(options.nextVersion, u"office"_s, false, now);
    if (!published) {
        return DemoError{DemoError::Kind::Invalid,
                         u"cannot publish the next version of the survey: "_s +
                             published.error().message};
    }
    const int version = published.value().version;
    summary.formVersion = version;
    auto forms = FormStore(m_db).definitions(version - 1);
    if (!forms)
        return storage(forms.error());
    const FormDefinition &next = forms.value().constLast();
    const Validator validator(next, ValidationContext{QDateTime::fromMSecsSinceEpoch(now).date(),
                                                      m_catalog.regionCodes()});
    auto surveys = m_db.exec(u"SELECT id FROM records WHERE entity = 'survey' AND deleted = 0 "
                             "ORDER BY id"_s);
    if (!surveys)
        return storage(surveys.error());
    QStringList ids;
    while (surveys.value().next())
        ids.append(surveys.value().value(0).toString());
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storage(transaction.error());
    RecordStore records(m_db);
    for (qsizetype i = 0; i < ids.size(); i += 3) {
        auto stored = records.get(u"survey"_s, ids.at(i));
        if (!stored)
            return storage(stored.error());
        StoredRecord record = *stored.value();
        const QJsonObject &fields = record.fields;
        if (fields.value("state"_L1).toString() != "submitted"_L1 ||
            fields.value("digital_level"_L1).toInt() < 1 ||
            fields.value("period"_L1).toInt() != options.period)
            continue;
        const QJsonObject change{{kProviderField, kProviders.at(i % kProviders.size())}};
        QJsonObject after = fields;
        after.insert(kProviderField, change.value(kProviderField));
        const auto issues = validator.validate(u"survey"_s, after, ValidationMode::Submit);
        if (!issues.isEmpty()) {
            return DemoError{DemoError::Kind::Invalid,
                             describe(DemoRecord{u"survey"_s, record.id, {}, {}, after}, issues)};
        }
        (void)RecordStore::applyServerChanges(record, change,
                                              Hlc{now, m_hlcCounter++, RecordStore::kServerDevice});
        record.formVersion = version;
        if (auto written = records.write(record); !written)
            return storage(written.error());
        ++summary.onNextVersion;
    }
    if (auto committed = transaction.value().commit(); !committed)
        return storage(committed.error());
    return Done{};
}

Status<DemoError> Demo::write(const DemoCity &city, qint64 now, DemoSummary &summary)
{
    const QStringList problems = validate(city, m_form, m_catalog, now);
    if (!problems.isEmpty()) {
        return DemoError{DemoError::Kind::Invalid,
                         u"the demo generator made %1 invalid record(s), nothing was written; "
                         "first: %2"_s.arg(problems.size())
                             .arg(problems.constFirst())};
    }
    for (const RegistryRow &row : city.registry) {
        auto inserted = m_db.run(
            u"INSERT INTO registry (uscc, name, region, industry_code, above_size, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?)"_s,
            {row.uscc, row.name, row.region, row.industryCode, row.aboveSize ? 1 : 0, now});
        if (!inserted)
            return storage(inserted.error());
        if (auto marked = CoverageFacts::markEnterprise(m_db, row.uscc); !marked)
            return storage(marked.error());
    }
    summary.registry += int(city.registry.size());

    RecordStore records(m_db);
    for (const DemoRecord &demo : city.records) {
        StoredRecord record{demo.entity, demo.id,        0, 0, false, {}, {},
                            demo.region, demo.enterprise};
        (void)RecordStore::applyServerChanges(record, demo.fields,
                                              Hlc{now, m_hlcCounter++, RecordStore::kServerDevice});
        if (auto stored = records.write(record); !stored)
            return storage(stored.error());
        summary.records[demo.entity] += 1;
    }

    ReviewStore reviews(m_db, m_form);
    for (const DemoReview &review : city.reviews) {
        auto created =
            reviews.create(review.request, review.id, u"office"_s, std::min(review.at, now));
        if (!created) {
            return DemoError{
                created.error().kind == ReviewError::Kind::Storage ? DemoError::Kind::Storage
                                                                   : DemoError::Kind::Invalid,
                u"demo review of %1: %2"_s.arg(review.request.id, created.error().message)};
        }
        summary.records[ReviewStore::kEntity] += 1;
    }

    for (const OfficialFigureEntry &figure : city.official) {
        if (auto upserted = OfficialFigures::upsert(m_db, figure); !upserted)
            return storage(upserted.error());
    }
    summary.official += int(city.official.size());
    return Done{};
}

} // namespace gx::server
