#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "sync/demo/democity.h"
#include "sync/store/database.h"
#include "sync/store/userstore.h"

#include <QList>
#include <QMap>
#include <QString>

namespace gx::server {

/** A user the demo made, with the password it generated (printed once, never stored). */
struct DemoUser
{
    QString username;
    Role role = Role::Inspector;
    QString region;
    QString enterprise;
    QString password;
};

/** What the demo wrote. */
struct DemoSummary
{
    QMap<QString, int> records; ///< entity -> records written (reviews included)
    int registry = 0;
    int official = 0;
    int formVersion = 1;      ///< the current version after the demo
    int onNextVersion = 0;    ///< surveys the demo moved to that version
    int catalogueVersion = 0; ///< the version that added the catalogue's entities, or 0
    QList<DemoUser> users;
};

struct DemoError
{
    enum class Kind
    {
        NotEmpty, ///< the store already has records (or a demo user name is taken)
        Invalid,  ///< the generator made a record the validator refuses: a bug, said loudly
        Storage,
    };
    Kind kind = Kind::Storage;
    QString message;
};

/**
 * `gengxin-server demo`: fills a new store with a generated city (DemoCityBuilder) for trying
 * the system out and for benchmarks. Refuses a store that has records. Every record is checked
 * by core's Validator before it is written (submitted surveys and everything else in Submit
 * mode, drafts in Draft mode; warnings count as failures too). The registry, the records
 * (through RecordStore, so they are in the change feed), the reviews (through ReviewStore) and
 * the official figures are written in one transaction, generated and checked 500 enterprises at
 * a time so that memory stays bounded; then the users: admin, office, one inspector per region
 * and one enterprise user, each with a random password.
 */
class Demo
{
public:
    Demo(Database &db, const FormDefinition &form, const RegionCatalog &catalog);

    [[nodiscard]] Result<DemoSummary, DemoError> run(const DemoOptions &options,
                                                     const QString &actor, qint64 now);

    /** Every problem the validator finds in a city (empty when all is well). */
    [[nodiscard]] static QStringList validate(const DemoCity &city, const FormDefinition &form,
                                              const RegionCatalog &catalog, qint64 now);

private:
    [[nodiscard]] Status<DemoError> checkEmpty(const QList<DemoUser> &users);
    /** Checks a part of the city and writes it (inside run()'s transaction). */
    [[nodiscard]] Status<DemoError> write(const DemoCity &city, qint64 now, DemoSummary &summary);
    [[nodiscard]] QList<DemoUser> plannedUsers(const DemoCity &city) const;
    /** Publishes options.nextVersion (as `office`) and moves a third of the submitted surveys
     * with a digital level to it, filling the field it adds. */
    /** Imports options.catalogueLists (the demo's providers, products and cases). */
    [[nodiscard]] Status<DemoError> writeCatalogue(const DemoOptions &options, qint64 now,
                                                   DemoSummary &summary);
    [[nodiscard]] Status<DemoError> publishNextVersion(const DemoOptions &options, qint64 now,
                                                       DemoSummary &summary);

    /** Enterprises generated, checked and written at a time. */
    static constexpr int kBatch = 500;

    Database &m_db;
    const FormDefinition &m_form;
    const RegionCatalog &m_catalog;
    quint32 m_hlcCounter = 0;
};

} // namespace gx::server
