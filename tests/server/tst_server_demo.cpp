// `gengxin-server demo`: a generated city in a fresh store. Counts per entity in range, every
// region populated, every survey state present, every record valid by core's Validator, the
// printed users able to log in, a second run refused, and the same seed giving the same city.

#include "testsupport.h"

#include "core/uscc.h"
#include "core/validator.h"
#include "sync/demo/demo.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using gx::test::CommandRun;
using gx::test::HttpClient;
using gx::test::runServerCommand;

namespace {

constexpr int kEnterprises = 60;

CommandRun runDemo(const QString &url, const QStringList &extra = {})
{
    return runServerCommand(QStringList{u"demo"_s, u"--db"_s, url} + extra);
}

} // namespace

class Tst_server_demo : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fillsAFreshStore();
    void sameSeedSameCity_data();
    void sameSeedSameCity();
    void refusesBadOptions_data();
    void refusesBadOptions();

private:
    [[nodiscard]] QMap<QString, int> countPerEntity();

    std::unique_ptr<gx::test::TestDatabase> m_db;
};

void Tst_server_demo::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
}

void Tst_server_demo::cleanup()
{
    m_db.reset();
}

QMap<QString, int> Tst_server_demo::countPerEntity()
{
    QMap<QString, int> out;
    auto query = m_db->db().exec(u"SELECT entity, COUNT(*) FROM records GROUP BY entity"_s);
    if (!query)
        return out;
    while (query.value().next())
        out.insert(query.value().value(0).toString(), query.value().value(1).toInt());
    return out;
}

void Tst_server_demo::fillsAFreshStore()
{
    const CommandRun run = runDemo(
        m_db->url(), {u"--enterprises"_s, QString::number(kEnterprises), u"--seed"_s, u"7"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    // The users it printed: admin, office, an inspector per region, one enterprise user.
    static const QRegularExpression userLine(u"^user (\\S+) (\\S+) (\\S+)$"_s,
                                             QRegularExpression::MultilineOption);
    QMap<QString, std::pair<QString, QString>> users; // name -> (role, password)
    for (auto it = userLine.globalMatch(run.out); it.hasNext();) {
        const auto match = it.next();
        users.insert(match.captured(1), {match.captured(2), match.captured(3)});
    }
    const auto &regions = gx::test::testRegions().regions();
    QCOMPARE(users.size(), 2 + regions.size() + 1);
    QCOMPARE(users.value(u"admin"_s).first, u"admin"_s);
    QCOMPARE(users.value(u"office"_s).first, u"office"_s);
    QCOMPARE(users.value(u"inspector-331102"_s).first, u"inspector"_s);
    QCOMPARE(users.value(u"inspector-331123"_s).first, u"inspector"_s);
    int enterpriseUsers = 0;
    for (const auto &[role, password] : std::as_const(users))
        enterpriseUsers += role == "enterprise"_L1 ? 1 : 0;
    QCOMPARE(enterpriseUsers, 1);

    // Counts: the registry as asked, a few enterprises outside it, ~75 % surveyed.
    auto registry = m_db->db().exec(u"SELECT region, COUNT(*), SUM(above_size) FROM registry "
                                    "GROUP BY region"_s);
    QVERIFY(registry);
    QMap<QString, int> perRegion;
    int registryTotal = 0;
    int aboveSize = 0;
    while (registry.value().next()) {
        perRegion.insert(registry.value().value(0).toString(), registry.value().value(1).toInt());
        registryTotal += registry.value().value(1).toInt();
        aboveSize += registry.value().value(2).toInt();
    }
    QCOMPARE(registryTotal, kEnterprises);
    for (const gx::Region &region : regions)
        QVERIFY2(perRegion.value(region.code) > 0, qPrintable(region.code));
    QVERIFY2(aboveSize >= kEnterprises * 6 / 10 && aboveSize < kEnterprises, "about 85 %");
    const QMap<QString, int> counts = countPerEntity();
    QCOMPARE(counts.value(u"enterprise"_s), kEnterprises + 2);
    QVERIFY2(counts.value(u"survey"_s) >= kEnterprises / 2 &&
                 counts.value(u"survey"_s) <= kEnterprises + 2,
             qPrintable(QString::number(counts.value(u"survey"_s))));
    QVERIFY(counts.value(u"equipment"_s) >= 5 * counts.value(u"survey"_s));

    // Two versions of the survey: assets/forms/survey.v2.json published after the city, some
    // submitted surveys edited on it (with its new field), every draft still on version 1.
    QVERIFY2(run.out.contains(u"survey definition version 2 published"_s), qPrintable(run.out));
    auto versions = m_db->db().exec(
        u"SELECT COALESCE(SUM(CASE WHEN form_version = 2 THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN form_version = 2 AND fields LIKE '%digital_service_provider%' "
        "THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN form_version = 1 AND fields LIKE "
        "'%\"draft\"%' THEN 1 ELSE 0 END), 0), (SELECT MAX(version) FROM form_versions) "
        "FROM records WHERE entity = 'survey'"_s);
    QVERIFY(versions);
    QVERIFY(versions.value().next());
    const int onV2 = versions.value().value(0).toInt();
    QVERIFY2(onV2 > 0, "some surveys on version 2");
    QCOMPARE(versions.value().value(1).toInt(), onV2);
    QVERIFY2(versions.value().value(2).toInt() > 0, "drafts on version 1");
    // ... and then the catalogue's entities (assets/forms/catalogue.json) as version 3.
    QCOMPARE(versions.value().value(3).toInt(), 3);
    QVERIFY2(run.out.contains(u"survey definition version 3 published: the catalogue"_s),
             qPrintable(run.out));
    QVERIFY(counts.value(u"key_process"_s) > 0);
    QVERIFY(counts.value(u"review"_s) > 0);

    // Every record valid under its version, every survey state present, scope columns and USCCs
    // right.
    const gx::server::FormVersions forms = gx::test::formVersions(m_db->db());
    const gx::ValidationContext context{QDateTime::currentDateTimeUtc().date(),
                                        gx::test::testRegions().regionCodes()};
    std::vector<gx::Validator> validators; // by version - 1
    for (const gx::FormDefinition *form : forms.all())
        validators.emplace_back(*form, context);
    QMap<QString, int> catalogue; // entity -> city-wide records
    auto records = m_db->db().exec(u"SELECT entity, id, fields, region, enterprise, deleted, "
                                   "form_version FROM records ORDER BY seq"_s);
    QVERIFY(records);
    QSet<QString> states;
    QHash<QString, QString> latestReview; // survey -> state
    QSet<QString> submitted;
    bool pinnedComment = false;
    while (records.value().next()) {
        const QSqlQuery &q = records.value();
        const QString entity = q.value(0).toString();
        const QString id = q.value(1).toString();
        const QJsonObject fields = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        QVERIFY2(!q.value(3).toString().isEmpty() && !q.value(4).toString().isEmpty(),
                 qPrintable(entity + u' ' + id));
        QCOMPARE(q.value(5).toInt(), 0);
        if (entity == "review"_L1) {
            latestReview.insert(fields.value("record_id"_L1).toString(),
                                fields.value("state"_L1).toString());
            if (fields.value("state"_L1).toString() == "has_issues"_L1) {
                pinnedComment =
                    pinnedComment || (!fields.value("comment"_L1).toString().isEmpty() &&
                                      gx::test::testForm()
                                          .entity(u"survey"_s)
                                          ->field(fields.value("field"_L1).toString()));
            }
            continue;
        }
        const bool draft = fields.value("state"_L1).toString() == "draft"_L1;
        if (entity == "survey"_L1) {
            states.insert(draft ? u"draft"_s : u"submitted"_s);
            if (!draft)
                submitted.insert(id);
        }
        const auto issues =
            validators.at(size_t(q.value(6).toInt() - 1))
                .validate(entity, fields,
                          draft ? gx::ValidationMode::Draft : gx::ValidationMode::Submit);
        QVERIFY2(issues.isEmpty(), qPrintable(entity + u' ' + id + u": "_s + issues.value(0).field +
                                              u' ' + issues.value(0).message.en));
        if (q.value(3).toString() == "*"_L1)
            ++catalogue[entity];
        if (entity == "enterprise"_L1) {
            QVERIFY(!gx::checkUscc(id));
            const QString region = fields.value("region"_L1).toString();
            // As the push requires of an enterprise an inspector creates (docs/api.md "Sync").
            const gx::Region *place = gx::test::testRegions().region(region);
            QVERIFY2(place, qPrintable(region));
            QCOMPARE(gx::usccDivisionCode(id), place->divisionCode());
        }
    }
    for (const QString &survey : std::as_const(submitted))
        states.insert(latestReview.value(survey, u"unreviewed"_s));
    for (const QString &state : {u"draft"_s, u"submitted"_s, u"unreviewed"_s, u"approved"_s,
                                 u"has_issues"_s, u"rejected"_s})
        QVERIFY2(states.contains(state), qPrintable(state));
    QVERIFY2(pinnedComment, "a has_issues review with a comment pinned to a survey field");
    // A believable catalogue (assets/demo/catalogue-*.csv), city-wide, valid on version 3.
    QVERIFY2(catalogue.value(u"provider"_s) + catalogue.value(u"product"_s) >= 30,
             qPrintable(QString::number(catalogue.value(u"provider"_s))));
    QVERIFY(catalogue.value(u"case"_s) >= 3);
    QCOMPARE(catalogue.keys(), (QStringList{u"case"_s, u"product"_s, u"provider"_s}));

    auto official = m_db->db().exec(u"SELECT COUNT(*) FROM official_figures "
                                    "WHERE region = '331100' AND period = 2024"_s);
    QVERIFY(official && official.value().next());
    QCOMPARE(official.value().value(0).toInt(), 3);

    // The printed users log in.
    gx::test::TestServer server(m_db->db());
    QVERIFY2(server.ok(), qPrintable(server.error()));
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        HttpClient client(server.baseUrl());
        const gx::test::HttpResult login = client.postJson(
            u"/api/v1/login"_s, {{u"username"_s, it.key()}, {u"password"_s, it.value().second}});
        QVERIFY2(login.status == 200, login.describe().constData());
        QCOMPARE(login.json().value("role"_L1).toString(), it.value().first);
    }

    // A second run is refused and changes nothing.
    const QMap<QString, int> before = countPerEntity();
    const CommandRun again = runDemo(m_db->url(), {u"--enterprises"_s, u"10"_s});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(u"already holds"_s), qPrintable(again.err));
    QCOMPARE(countPerEntity(), before);
}

void Tst_server_demo::sameSeedSameCity_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("default seed") << gx::server::DemoOptions{}.seed;
    QTest::newRow("seed 1") << quint64(1);
    QTest::newRow("seed 2^63") << (quint64(1) << 63);
}

void Tst_server_demo::sameSeedSameCity()
{
    QFETCH(quint64, seed);
    gx::server::DemoOptions options;
    options.seed = seed;
    options.enterprises = 40;
    const auto &catalog = gx::test::testRegions();
    const gx::server::DemoCity first = gx::server::DemoCityBuilder(catalog, options).build();
    const gx::server::DemoCity second = gx::server::DemoCityBuilder(catalog, options).build();
    QCOMPARE(first.records.size(), second.records.size());
    for (qsizetype i = 0; i < first.records.size(); ++i) {
        QCOMPARE(first.records.at(i).id, second.records.at(i).id);
        QCOMPARE(first.records.at(i).fields, second.records.at(i).fields);
    }
    QCOMPARE(first.reviews.size(), second.reviews.size());
    QCOMPARE(first.registry.size(), 40);
    // Every record of any seed passes the validator (the generator asserts it too).
    const QStringList problems = gx::server::Demo::validate(first, gx::test::testForm(), catalog,
                                                            QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0)));

    options.seed = seed + 1;
    const gx::server::DemoCity other = gx::server::DemoCityBuilder(catalog, options).build();
    QVERIFY(other.records.constFirst().id != first.records.constFirst().id);
}

void Tst_server_demo::refusesBadOptions_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("too few") << QStringList{u"--enterprises"_s, u"3"_s};
    QTest::newRow("too many") << QStringList{u"--enterprises"_s, u"50001"_s};
    QTest::newRow("not a number") << QStringList{u"--enterprises"_s, u"many"_s};
    QTest::newRow("bad seed") << QStringList{u"--seed"_s, u"-x"_s};
}

void Tst_server_demo::refusesBadOptions()
{
    QFETCH(QStringList, options);
    const CommandRun run = runDemo(m_db->url(), options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"usage"_s));
    QVERIFY(countPerEntity().isEmpty());
}

QTEST_GUILESS_MAIN(Tst_server_demo)
#include "tst_server_demo.moc"
