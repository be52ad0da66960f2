// What the notice "the survey was updated" says (FormUpdateNotice::describe) for each kind of
// change a new version may make, from core's compareForms() between two definitions; in
// English, the source language (tests/qml/form/tst_formversion.qml checks the Chinese text and
// the banner).

#include "app/formupdatenotice.h"
#include "formversion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

using Edit = std::function<void(QJsonObject &survey)>;

/** The survey entity's field `name` (in its sections) passed to `edit`. */
void editField(QJsonObject &survey, const QString &name,
               const std::function<void(QJsonObject &)> &edit)
{
    QJsonArray sections = survey.value("sections"_L1).toArray();
    for (qsizetype s = 0; s < sections.size(); ++s) {
        QJsonObject section = sections.at(s).toObject();
        QJsonArray fields = section.value("fields"_L1).toArray();
        for (qsizetype f = 0; f < fields.size(); ++f) {
            QJsonObject field = fields.at(f).toObject();
            if (field.value("name"_L1).toString() != name)
                continue;
            edit(field);
            fields.replace(f, field);
        }
        section.insert(u"fields"_s, fields);
        sections.replace(s, section);
    }
    survey.insert(u"sections"_s, sections);
}

QJsonObject textField(const QString &name, const QString &en)
{
    return QJsonObject{{u"name"_s, name},
                       {u"type"_s, u"text"_s},
                       {u"label"_s, QJsonObject{{u"zh_CN"_s, u"字段"_s}, {u"en"_s, en}}}};
}

/** The entity `name` of a whole definition passed to `edit`. */
void editEntity(QJsonObject &definition, const QString &name, const Edit &edit)
{
    QJsonArray entities = definition.value("entities"_L1).toArray();
    for (qsizetype e = 0; e < entities.size(); ++e) {
        QJsonObject entity = entities.at(e).toObject();
        if (entity.value("name"_L1).toString() == name)
            edit(entity);
        entities.replace(e, entity);
    }
    definition.insert(u"entities"_s, entities);
}

/** The bundled definition, with the catalogue's entities when asked (version 1). */
QJsonObject bundledJson(bool withCatalogue)
{
    QJsonObject json = gx::test::bundledSurveyDefinition();
    if (withCatalogue)
        json = gx::test::withCatalogue(json);
    json.insert(u"version"_s, 1);
    return json;
}

gx::FormDefinition load(const QJsonObject &json)
{
    auto loaded = gx::FormDefinition::fromJson(QJsonDocument(json).toJson(), u"test"_s);
    if (!loaded)
        qFatal("version %d: %s", json.value("version"_L1).toInt(),
               qPrintable(loaded.error().toString()));
    return std::move(loaded).value();
}

/**
 * The next version (2) of bundledJson(catalogueBefore): the catalogue added when
 * catalogueAfter and not before, the survey and the provider edited.
 */
gx::FormDefinition nextVersion(bool catalogueBefore, bool catalogueAfter, const Edit &survey,
                               const Edit &provider = {})
{
    QJsonObject json = bundledJson(catalogueBefore);
    if (catalogueAfter && !catalogueBefore)
        json = gx::test::withCatalogue(json);
    json.insert(u"version"_s, 2);
    editEntity(json, u"survey"_s, survey);
    if (provider)
        editEntity(json, u"provider"_s, provider);
    return load(json);
}

/** A new field in the entity's first section. */
void addField(QJsonObject &entity, const QString &name, const QString &en)
{
    QJsonArray sections = entity.value("sections"_L1).toArray();
    QJsonObject first = sections.at(0).toObject();
    QJsonArray fields = first.value("fields"_L1).toArray();
    fields.append(textField(name, en));
    first.insert(u"fields"_s, fields);
    sections.replace(0, first);
    entity.insert(u"sections"_s, sections);
}

} // namespace

Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(gx::FormUpdateNotice::Audience)

class Tst_formupdatenotice : public QObject
{
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
    void catalogue_data();
    void catalogue();
};

void Tst_formupdatenotice::describe_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expected");

    const QString prefix = u"The survey was updated to version 2: "_s;
    QTest::newRow("nothing") << Edit([](QJsonObject &) {})
                             << u"The survey was updated to version 2."_s;
    QTest::newRow("a new field") << Edit([](QJsonObject &survey) {
        addField(survey, u"digital_lead"_s, u"Digital lead"_s);
    }) << prefix + u"new Digital lead"_s;
    QTest::newRow("a new option") << Edit([](QJsonObject &survey) {
        editField(survey, u"renovation_status"_s, [](QJsonObject &field) {
            QJsonArray options = field.value("options"_L1).toArray();
            options.append(QJsonObject{
                {u"value"_s, u"paused"_s},
                {u"label"_s, QJsonObject{{u"zh_CN"_s, u"暂停"_s}, {u"en"_s, u"Paused"_s}}}});
            field.insert(u"options"_s, options);
        });
    }) << prefix + u"new Digital / smart renovation status: Paused"_s;
    QTest::newRow("a new label") << Edit([](QJsonObject &survey) {
        editField(survey, u"notes"_s, [](QJsonObject &field) {
            field.insert(u"label"_s, QJsonObject{{u"zh_CN"_s, u"备注"_s}, {u"en"_s, u"Notes"_s}});
        });
    }) << prefix + u"changed Notes"_s;
    QTest::newRow("a new section, added and changed") << Edit([](QJsonObject &survey) {
        editField(survey, u"notes"_s,
                  [](QJsonObject &field) { field.insert(u"max_length"_s, 1000); });
        QJsonArray sections = survey.value("sections"_L1).toArray();
        sections.append(
            QJsonObject{{u"id"_s, u"energy"_s},
                        {u"label"_s, QJsonObject{{u"zh_CN"_s, u"能耗"_s}, {u"en"_s, u"Energy"_s}}},
                        {u"fields"_s, QJsonArray{textField(u"energy_note"_s, u"Energy note"_s)}}});
        survey.insert(u"sections"_s, sections);
    }) << prefix + u"new Energy note, Energy; changed Visit notes"_s;
    QTest::newRow("more than eight")
        << Edit([](QJsonObject &survey) {
               QJsonArray sections = survey.value("sections"_L1).toArray();
               QJsonObject first = sections.at(0).toObject();
               QJsonArray fields = first.value("fields"_L1).toArray();
               for (int i = 1; i <= 11; ++i)
                   fields.append(textField(u"extra_%1"_s.arg(i), u"Extra %1"_s.arg(i)));
               first.insert(u"fields"_s, fields);
               sections.replace(0, first);
               survey.insert(u"sections"_s, sections);
           })
        << prefix +
               u"new Extra 1, Extra 2, Extra 3, Extra 4, Extra 5, Extra 6, Extra 7, Extra 8 and 3 more"_s;
}

void Tst_formupdatenotice::describe()
{
    QFETCH(Edit, edit);
    QFETCH(QString, expected);
    const gx::FormDefinition from = load(bundledJson(false));
    const gx::FormDefinition to = nextVersion(false, false, edit);
    QCOMPARE(gx::FormUpdateNotice::describe(from, to, gx::Language::En), expected);
    // Nothing here is the catalogue's: an inspector is told the same.
    QCOMPARE(gx::FormUpdateNotice::describe(from, to, gx::Language::En,
                                            gx::FormUpdateNotice::Audience::SurveyOnly),
             expected);
}

// The catalogue's city-wide entities (provider, product, case) are news to the office, who edits
// them, and not to an inspector or an enterprise user, who only read them: a version that changes
// nothing else says nothing to them ("": not shown), one that also changes the survey names only
// the survey's changes.
void Tst_formupdatenotice::catalogue_data()
{
    using Audience = gx::FormUpdateNotice::Audience;
    QTest::addColumn<bool>("catalogueBefore");
    QTest::addColumn<Edit>("survey");
    QTest::addColumn<Edit>("provider");
    QTest::addColumn<Audience>("audience");
    QTest::addColumn<QString>("expected");

    const QString prefix = u"The survey was updated to version 2: "_s;
    const Edit none = [](QJsonObject &) {
    };
    const Edit newLead = [](QJsonObject &survey) {
        addField(survey, u"digital_lead"_s, u"Digital lead"_s);
    };
    const Edit newWebsite = [](QJsonObject &provider) {
        addField(provider, u"website"_s, u"Website"_s);
    };
    const Edit relabelPhone = [](QJsonObject &provider) {
        QJsonArray sections = provider.value("sections"_L1).toArray();
        for (qsizetype i = 0; i < sections.size(); ++i) {
            QJsonObject section = sections.at(i).toObject();
            QJsonArray fields = section.value("fields"_L1).toArray();
            for (qsizetype f = 0; f < fields.size(); ++f) {
                QJsonObject field = fields.at(f).toObject();
                if (field.value("name"_L1).toString() == "contact_phone"_L1)
                    field.insert(u"label"_s, QJsonObject{{u"zh_CN"_s, u"服务电话"_s},
                                                         {u"en"_s, u"Service phone"_s}});
                fields.replace(f, field);
            }
            section.insert(u"fields"_s, fields);
            sections.replace(i, section);
        }
        provider.insert(u"sections"_s, sections);
    };

    QTest::newRow("the catalogue added, to the office")
        << false << none << Edit() << Audience::Everyone
        << prefix + u"new Service provider, Product, Typical case"_s;
    QTest::newRow("the catalogue added, to an inspector")
        << false << none << Edit() << Audience::SurveyOnly << QString();
    QTest::newRow("the catalogue and a survey field added, to the office")
        << false << newLead << Edit() << Audience::Everyone
        << prefix + u"new Digital lead, Service provider, Product, Typical case"_s;
    QTest::newRow("the catalogue and a survey field added, to an inspector")
        << false << newLead << Edit() << Audience::SurveyOnly << prefix + u"new Digital lead"_s;
    QTest::newRow("a provider field added, to the office")
        << true << none << newWebsite << Audience::Everyone << prefix + u"new Website"_s;
    QTest::newRow("a provider field added, to an inspector")
        << true << none << newWebsite << Audience::SurveyOnly << QString();
    QTest::newRow("a provider label changed, to an inspector")
        << true << none << relabelPhone << Audience::SurveyOnly << QString();
    QTest::newRow("a provider label changed, to the office")
        << true << none << relabelPhone << Audience::Everyone
        << prefix + u"changed Service phone"_s;
    QTest::newRow("a provider and a survey field added, to an inspector")
        << true << newLead << newWebsite << Audience::SurveyOnly << prefix + u"new Digital lead"_s;
    QTest::newRow("the catalogue unchanged, to an inspector")
        << true << none << Edit() << Audience::SurveyOnly
        << u"The survey was updated to version 2."_s;
}

void Tst_formupdatenotice::catalogue()
{
    QFETCH(bool, catalogueBefore);
    QFETCH(Edit, survey);
    QFETCH(Edit, provider);
    QFETCH(gx::FormUpdateNotice::Audience, audience);
    QFETCH(QString, expected);
    const gx::FormDefinition from = load(bundledJson(catalogueBefore));
    const gx::FormDefinition to = nextVersion(catalogueBefore, true, survey, provider);
    QCOMPARE(gx::FormUpdateNotice::describe(from, to, gx::Language::En, audience), expected);
}

QTEST_GUILESS_MAIN(Tst_formupdatenotice)
#include "tst_formupdatenotice.moc"
