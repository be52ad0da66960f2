// The survey form's fields model over a real device store: value parsing per field type,
// relevance, validation messages in both languages, durability of an edit, read-only mode,
// review comments and conflicts pinned to fields.

#include "app/formfieldsmodel.h"
#include "formtesthelpers.h"

#include "core/syncprotocol.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace gx {

class Tst_formfieldsmodel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsFollowTheDefinition();
    void parsesEachType_data();
    void parsesEachType();
    void relevanceHidesAndShows();
    void onlyChangedRowsAreSignalled();
    void validationMessages_data();
    void validationMessages();
    void unparsableInputSavesNothing_data();
    void unparsableInputSavesNothing();
    void valueIsDurableWhenSetValueReturns();
    void readOnlyRefuses();
    void shortTextIsTrimmed();
    void photoFromFile();
    void reviewCommentAndConflictArePinned();

private:
    [[nodiscard]] FormFieldsModel *surveyModel();

    std::unique_ptr<test::FormWorld> m_world;
    std::unique_ptr<FormFieldsModel> m_model;
};

void Tst_formfieldsmodel::init()
{
    m_world = std::make_unique<test::FormWorld>();
    QVERIFY(m_world->open());
    m_model = std::make_unique<FormFieldsModel>();
}

void Tst_formfieldsmodel::cleanup()
{
    m_model.reset();
    m_world.reset();
}

FormFieldsModel *Tst_formfieldsmodel::surveyModel()
{
    m_model->setSession(m_world->session.get());
    m_model->setEntity(u"survey"_s);
    m_model->setRecordId(m_world->surveyId);
    return m_model.get();
}

void Tst_formfieldsmodel::rowsFollowTheDefinition()
{
    FormFieldsModel *model = surveyModel();
    QVERIFY(model->isLoaded());
    const EntityDefinition *survey = m_world->session->form().entity(u"survey"_s);
    QStringList expected;
    for (const SectionDefinition &section : survey->sections)
        expected << section.fields;
    QStringList names;
    QStringList sections;
    for (int i = 0; i < model->rowCount(); ++i) {
        names << model->get(i, u"name"_s).toString();
        sections << model->get(i, u"sectionId"_s).toString();
    }
    QCOMPARE(names, expected);
    QVERIFY(!names.contains(u"state"_s)); // set by the app, not typed
    QCOMPARE(sections.first(), u"visit"_s);
    QCOMPARE(model->get(model->indexOf(u"key_processes"_s), u"unit"_s).toString(), u"道"_s);
    QCOMPARE(model->get(model->indexOf(u"visit_date"_s), u"maximum"_s).toString(), u"2024-11-28"_s);
    QCOMPARE(model->get(model->indexOf(u"digital_level"_s), u"options"_s).toList().size(), 5);
}

void Tst_formfieldsmodel::parsesEachType_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QByteArray>("stored"); // the JSON of the stored value; "" = absent
    QTest::addColumn<QString>("display");

    QTest::newRow("integer") << u"key_processes"_s << QVariant(u" 12 "_s) << "12"_ba << u"12"_s;
    QTest::newRow("integer full-width")
        << u"robots_total"_s << QVariant(u"１２"_s) << "12"_ba << u"12"_s;
    QTest::newRow("decimal") << u"tech_invest_10k"_s << QVariant(u"12.5"_s) << "12.5"_ba
                             << u"12.5"_s;
    QTest::newRow("decimal with thousands")
        << u"tech_invest_10k"_s << QVariant(u"1，200.5"_s) << "1200.5"_ba << u"1200.5"_s;
    QTest::newRow("decimal from number")
        << u"tech_invest_10k"_s << QVariant(3.25) << "3.25"_ba << u"3.25"_s;
    QTest::newRow("bool") << u"uses_5g"_s << QVariant(true) << "true"_ba << u"是"_s;
    QTest::newRow("text") << u"notes"_s << QVariant(u"车间两层"_s) << "\"车间两层\""_ba
                          << u"车间两层"_s;
    QTest::newRow("date") << u"visit_date"_s << QVariant(u"2024-05-01"_s) << "\"2024-05-01\""_ba
                          << u"2024-05-01"_s;
    QTest::newRow("single choice coded")
        << u"digital_level"_s << QVariant(2) << "2"_ba << u"二级：单项业务数字化管理"_s;
    QTest::newRow("single choice text")
        << u"renovation_status"_s << QVariant(u"completed"_s) << "\"completed\""_ba << u"已完成"_s;
    QTest::newRow("multiple choice in definition order")
        << u"design_tool_kinds"_s << QVariant(QVariantList{u"cae"_s, u"cad2d"_s, u"cae"_s})
        << "[\"cad2d\",\"cae\"]"_ba << u"二维CAD、CAE仿真分析"_s;
    QTest::newRow("location map") << u"location"_s
                                  << QVariant(
                                         QVariantMap{{u"lat"_s, 28.45}, {u"lon"_s, u"119.92"_s}})
                                  << "{\"lat\":28.45,\"lon\":119.92}"_ba << u"28.45, 119.92"_s;
    QTest::newRow("location text") << u"location"_s << QVariant(u"28.1，119.5"_s)
                                   << "{\"lat\":28.1,\"lon\":119.5}"_ba << u"28.1, 119.5"_s;
    QTest::newRow("empty clears") << u"notes"_s << QVariant(u"  "_s) << ""_ba << QString();
}

void Tst_formfieldsmodel::parsesEachType()
{
    QFETCH(QString, field);
    QFETCH(QVariant, input);
    QFETCH(QByteArray, stored);
    QFETCH(QString, display);
    FormFieldsModel *model = surveyModel();
    QVERIFY(model->setValue(field, input));
    const QJsonValue value = m_world->stored(u"survey"_s, m_world->surveyId).value(field);
    if (stored.isEmpty()) {
        QVERIFY(value.isUndefined() || value.isNull());
    } else {
        const QJsonValue expected = QJsonDocument::fromJson("[" + stored + "]").array().first();
        QCOMPARE(value, expected);
    }
    const int row = model->indexOf(field);
    QCOMPARE(model->get(row, u"displayValue"_s).toString(), display);
    QCOMPARE(model->get(row, u"error"_s).toString(), QString());
}

void Tst_formfieldsmodel::relevanceHidesAndShows()
{
    FormFieldsModel *model = surveyModel();
    const int kinds = model->indexOf(u"design_tool_kinds"_s);
    QVERIFY(!model->get(kinds, u"relevant"_s).toBool());
    QVERIFY(model->setValue(u"design_tools"_s, true));
    QVERIFY(model->get(kinds, u"relevant"_s).toBool());
    QVERIFY(model->setValue(u"design_tool_kinds"_s, QVariantList{u"cad3d"_s}));
    QVERIFY(model->setValue(u"design_tools"_s, false));
    QVERIFY(!model->get(kinds, u"relevant"_s).toBool());
    // hidden, but its value is kept (DESIGN: an irrelevant value is never dropped)
    QCOMPARE(m_world->stored(u"survey"_s, m_world->surveyId).value(u"design_tool_kinds"_s),
             QJsonValue(QJsonArray{u"cad3d"_s}));

    const int year = model->indexOf(u"factory_tier_year"_s);
    QVERIFY(!model->get(year, u"relevant"_s).toBool());
    QVERIFY(model->setValue(u"factory_tier"_s, u"smart_factory"_s));
    QVERIFY(model->get(year, u"relevant"_s).toBool());
    QVERIFY(model->setValue(u"factory_tier"_s, u"none"_s));
    QVERIFY(!model->get(year, u"relevant"_s).toBool());
}

void Tst_formfieldsmodel::onlyChangedRowsAreSignalled()
{
    FormFieldsModel *model = surveyModel();
    QSignalSpy spy(model, &QAbstractItemModel::dataChanged);
    QVERIFY(model->setValue(u"design_tools"_s, true));
    QSet<int> rows;
    for (const auto &args : spy)
        rows.insert(args.at(0).value<QModelIndex>().row());
    QCOMPARE(rows, (QSet<int>{model->indexOf(u"design_tools"_s),
                              model->indexOf(u"design_tool_kinds"_s)}));
    QSignalSpy sessionSpy(m_world->session.get(), &Session::dataChanged);
    spy.clear();
    QVERIFY(model->setValue(u"design_tools"_s, true)); // the same value: nothing changes
    QCOMPARE(spy.size(), 0);
    QCOMPARE(sessionSpy.size(), 0);
    // a change from elsewhere (another screen, a pull) reaches only its row
    QVERIFY(m_world->session->store()->setField(u"survey"_s, m_world->surveyId, u"notes"_s,
                                                u"二号车间"_s));
    m_world->session->notifyDataChanged();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().at(0).value<QModelIndex>().row(), model->indexOf(u"notes"_s));
    QCOMPARE(model->get(model->indexOf(u"notes"_s), u"displayValue"_s).toString(), u"二号车间"_s);
}

void Tst_formfieldsmodel::validationMessages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("cncMessage");
    QTest::addColumn<QString>("dateMessage");
    QTest::newRow("zh") << u"zh_CN"_s << u"数控化关键工序数不能大于关键工序数"_s << u"走访日期"_s;
    QTest::newRow("en") << u"en"_s
                        << u"Key processes numerically controlled cannot exceed the number of key "
                           u"processes"_s
                        << u"Date of visit"_s;
}

void Tst_formfieldsmodel::validationMessages()
{
    QFETCH(QString, language);
    QFETCH(QString, cncMessage);
    QFETCH(QString, dateMessage);
    m_world->session->setLanguage(language);
    FormFieldsModel *model = surveyModel();
    const int cnc = model->indexOf(u"key_processes_cnc"_s);
    QVERIFY(model->setValue(u"key_processes"_s, 2));
    QVERIFY(model->setValue(u"key_processes_cnc"_s, 5));
    QCOMPARE(model->get(cnc, u"error"_s).toString(), cncMessage);
    // fixing the other side of the rule clears the message on this field
    QVERIFY(model->setValue(u"key_processes"_s, 8));
    QCOMPARE(model->get(cnc, u"error"_s).toString(), QString());
    // a date after "today" (the injected clock) names the field
    const int date = model->indexOf(u"visit_date"_s);
    QVERIFY(model->setValue(u"visit_date"_s, u"2025-01-01"_s));
    QVERIFY2(model->get(date, u"error"_s).toString().contains(dateMessage),
             qPrintable(model->get(date, u"error"_s).toString()));
    // a draft never reports a missing answer
    QCOMPARE(model->get(model->indexOf(u"digital_level"_s), u"error"_s).toString(), QString());
}

void Tst_formfieldsmodel::unparsableInputSavesNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("integer with letter")
        << u"key_processes"_s << QVariant(u"12a"_s) << u"请输入整数"_s;
    QTest::newRow("integer with fraction")
        << u"key_processes"_s << QVariant(u"1.5"_s) << u"请输入整数，不要带小数"_s;
    QTest::newRow("decimal") << u"tech_invest_10k"_s << QVariant(u"十万"_s)
                             << u"请输入数字，如 12.5"_s;
    QTest::newRow("date") << u"visit_date"_s << QVariant(u"2024-13-01"_s)
                          << u"日期格式应为 年-月-日，如 2024-05-01"_s;
    QTest::newRow("option") << u"digital_level"_s << QVariant(9) << u"请从选项中选择"_s;
    QTest::newRow("latitude") << u"location"_s << QVariant(u"200, 10"_s)
                              << u"纬度应在 -90 到 90 之间，经度在 -180 到 180 之间"_s;
}

void Tst_formfieldsmodel::unparsableInputSavesNothing()
{
    QFETCH(QString, field);
    QFETCH(QVariant, input);
    QFETCH(QString, message);
    FormFieldsModel *model = surveyModel();
    const int outbox = int(m_world->session->store()->outbox().entries().value().size());
    QVERIFY(!model->setValue(field, input));
    QCOMPARE(model->get(model->indexOf(field), u"error"_s).toString(), message);
    QVERIFY(!m_world->stored(u"survey"_s, m_world->surveyId).contains(field));
    QCOMPARE(int(m_world->session->store()->outbox().entries().value().size()), outbox);
    // a good value clears the message
    const QVariant good = field == u"location"_s     ? QVariant(u"28, 119"_s)
                          : field == u"visit_date"_s ? QVariant(u"2024-05-01"_s)
                                                     : QVariant(1);
    QVERIFY(model->setValue(field, good));
    QCOMPARE(model->get(model->indexOf(field), u"error"_s).toString(), QString());
}

void Tst_formfieldsmodel::valueIsDurableWhenSetValueReturns()
{
    FormFieldsModel *model = surveyModel();
    QVERIFY(model->setValue(u"robots_total"_s, u"37"_s));
    const QString path = m_world->session->store()->path();
    const QString device = m_world->session->store()->deviceId();
    // Close the app's store and open the file afresh, as after a kill.
    m_world->session->logout();
    auto reopened = DeviceStore::open(path, device, [] { return test::kFormClock; });
    QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().toString()));
    auto record = reopened.value()->record(u"survey"_s, m_world->surveyId);
    QVERIFY(record && record.value());
    QCOMPARE(record.value()->fields.value(u"robots_total"_s), QJsonValue(37));
    QCOMPARE(reopened.value()->pragma(u"synchronous"_s), u"2"_s); // FULL
}

void Tst_formfieldsmodel::readOnlyRefuses()
{
    FormFieldsModel *model = surveyModel();
    model->setReadOnly(true);
    QVERIFY(!model->setValue(u"robots_total"_s, 3));
    QVERIFY(!model->lastError().isEmpty());
    QVERIFY(!m_world->stored(u"survey"_s, m_world->surveyId).contains(u"robots_total"_s));
}

void Tst_formfieldsmodel::shortTextIsTrimmed()
{
    m_model->setSession(m_world->session.get());
    m_model->setEntity(u"enterprise"_s);
    m_model->setRecordId(u"91331102710000371F"_s);
    QVERIFY(m_model->isLoaded());
    QVERIFY(m_model->setValue(u"contact_phone"_s, u" 13800000000 "_s));
    QCOMPARE(m_world->stored(u"enterprise"_s, u"91331102710000371F"_s).value(u"contact_phone"_s),
             QJsonValue(u"13800000000"_s));
    QCOMPARE(m_model->get(m_model->indexOf(u"contact_phone"_s), u"error"_s).toString(), QString());
    QVERIFY(m_model->setValue(u"contact_phone"_s, u"12345"_s));
    QVERIFY(!m_model->get(m_model->indexOf(u"contact_phone"_s), u"error"_s).toString().isEmpty());
}

void Tst_formfieldsmodel::photoFromFile()
{
    auto row = m_world->session->store()->createRecord(
        u"equipment"_s, QJsonObject{{u"survey"_s, m_world->surveyId}, {u"name"_s, u"空压机"_s}});
    QVERIFY(row);
    m_model->setSession(m_world->session.get());
    m_model->setEntity(u"equipment"_s);
    m_model->setRecordId(row.value().id);
    const QString path = m_world->dir.filePath(u"nameplate.jpg"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QImage picture(640, 480, QImage::Format_RGB32);
    picture.fill(Qt::darkGray);
    QVERIFY(picture.save(&file, "jpeg"));
    file.close();
    QVERIFY2(m_model->setPhotoFile(u"photo"_s, QUrl::fromLocalFile(path)),
             qPrintable(m_model->lastError()));
    const QString sha =
        m_world->stored(u"equipment"_s, row.value().id).value(u"photo"_s).toString();
    QCOMPARE(sha.size(), 64);
    const QUrl shown = m_model->get(m_model->indexOf(u"photo"_s), u"photoUrl"_s).toUrl();
    QVERIFY(shown.isLocalFile());
    QFile stored(shown.toLocalFile());
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(
                 QCryptographicHash::hash(stored.readAll(), QCryptographicHash::Sha256).toHex()),
             sha);
    QVERIFY(!m_model->setPhotoFile(u"photo"_s, QUrl::fromLocalFile(path + u".missing"_s)));
    QVERIFY(!m_model->lastError().isEmpty());
}

void Tst_formfieldsmodel::reviewCommentAndConflictArePinned()
{
    FormFieldsModel *model = surveyModel();
    QVERIFY(model->setValue(u"robots_total"_s, 5));
    PullPage page;
    page.cursor = u"c1"_s;
    page.changes << Change{u"review"_s, u"8f0c8a52-1111-4c1e-9d7e-000000000001"_s, 10, false,
                           QJsonObject{{u"entity"_s, u"survey"_s},
                                       {u"record_id"_s, m_world->surveyId},
                                       {u"state"_s, u"has_issues"_s},
                                       {u"comment"_s, u"机器人数量请核实"_s},
                                       {u"field"_s, u"robots_total"_s},
                                       {u"reviewed_at"_s, u"2024-11-28T10:00:00Z"_s},
                                       {u"reviewer"_s, u"wang"_s}}};
    page.changes << Change{u"conflict"_s, u"8f0c8a52-2222-4c1e-9d7e-000000000002"_s, 11, false,
                           QJsonObject{{u"entity"_s, u"survey"_s},
                                       {u"record_id"_s, m_world->surveyId},
                                       {u"field"_s, u"renovation_status"_s},
                                       {u"kept_value"_s, u"completed"_s},
                                       {u"lost_value"_s, u"in_progress"_s},
                                       {u"kept_hlc"_s, u"1732795200000:0:tablet-2"_s},
                                       {u"lost_hlc"_s, u"1732795100000:0:tablet-9"_s},
                                       {u"lost_device"_s, u"tablet-9"_s},
                                       {u"lost_by"_s, u"zhao"_s},
                                       {u"reason"_s, u"hlc"_s}}};
    auto applied = m_world->session->store()->pull().applyPullPage(page);
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
    m_world->session->notifyDataChanged(); // as a sync that pulled changes does
    QCOMPARE(model->get(model->indexOf(u"robots_total"_s), u"reviewComment"_s).toString(),
             u"机器人数量请核实"_s);
    const QVariantMap conflict =
        model->get(model->indexOf(u"renovation_status"_s), u"conflict"_s).toMap();
    QCOMPARE(conflict.value(u"kept"_s).toString(), u"已完成"_s);
    QCOMPARE(conflict.value(u"lost"_s).toString(), u"实施中"_s);
    QCOMPARE(conflict.value(u"lostBy"_s).toString(), u"zhao"_s);
    QVERIFY(model->dismissConflict(model->indexOf(u"renovation_status"_s)));
    QVERIFY(model->get(model->indexOf(u"renovation_status"_s), u"conflict"_s).toMap().isEmpty());
}

} // namespace gx

QTEST_GUILESS_MAIN(gx::Tst_formfieldsmodel)
#include "tst_formfieldsmodel.moc"
