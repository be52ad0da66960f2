#include "app/screencatalog.h"

#include "app/sampledata.h"
#include "app/session.h"
#include "core/setupcode.h"
#include "store/devicestore.h"
#include "store/localsupply.h"

#include <QFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
struct Samples
{
    QString uscc;
    QString surveyId;
    QString rowId;
    QString supplySurveyId; ///< a survey whose planned renewals meet local supply (and a gap)
    QString region;
    QUrl registryFile;    ///< a registry CSV of the region as the store holds it, with changes
    QUrl badRegistryFile; ///< the same with bad rows
};

/** A survey of the store whose planned renewals meet local supply, with a gap if one has. */
QString supplySample(DeviceStore &store)
{
    auto planned = store.queries().surveysWithPlannedRenewal(50);
    if (!planned)
        return {};
    QString matched;
    for (const QString &id : planned.value()) {
        auto answer = LocalSupply::forSurvey(store, id);
        if (!answer)
            continue;
        bool supply = false;
        bool gap = false;
        for (const SupplyMatch &line : answer.value().lines)
            (line.kind == SupplyMatch::Kind::None ? gap : supply) = true;
        if (supply && gap)
            return id;
        if (supply && matched.isEmpty())
            matched = id;
    }
    return matched.isEmpty() ? planned.value().value(0) : matched;
}

Samples samplesOf(Session &session)
{
    Samples s;
    s.region =
        session.region().isEmpty() ? session.regions().regionCodes().value(0) : session.region();
    DeviceStore *store = session.store();
    if (!store)
        return s;
    auto enterprises = store->queries().enterprises(
        EnterpriseQuery{session.region(), session.period(), {}, SurveyFilter::Any});
    if (enterprises && !enterprises.value().isEmpty()) {
        s.uscc = enterprises.value().first().uscc;
        // An enterprise with work from the office, else one whose survey has begun, shows
        // more on its page.
        auto badges = store->queries().enterpriseBadges(session.period());
        bool started = false;
        for (const EnterpriseRow &row : enterprises.value()) {
            if (badges && badges.value().value(row.uscc).reviewTasks > 0) {
                s.uscc = row.uscc;
                break;
            }
            if (!row.surveyId.isEmpty() && !started) {
                s.uscc = row.uscc;
                started = true;
            }
        }
    }
    if (auto files = SampleData::registryFiles(*store, s.region, session.environment().dataDir)) {
        s.registryFile = QUrl::fromLocalFile(files.value().clean);
        s.badRegistryFile = QUrl::fromLocalFile(files.value().bad);
    }
    auto survey = store->queries().surveyWithEquipment();
    if (survey && !survey.value().isEmpty()) {
        s.surveyId = survey.value();
        auto view = store->queries().survey(s.surveyId);
        if (view && view.value() && !view.value()->equipment.isEmpty())
            s.rowId = view.value()->equipment.first().id;
    }
    s.supplySurveyId = supplySample(*store);
    if (s.supplySurveyId.isEmpty())
        s.supplySurveyId = s.surveyId;
    return s;
}
} // namespace

QList<ScreenSpec> ScreenCatalog::resolve(Session &session)
{
    const Samples s = samplesOf(session);
    const QString setupCode =
        SetupCode{QUrl(session.serverUrl().isEmpty() ? u"http://192.168.1.10:8470"_s
                                                     : session.serverUrl()),
                  u"wang.li"_s}
            .toText();
    return {
        {u"login"_s, u"LoginScreen.qml"_s, {}, false},
        // Scanning the setup code (over the login screen): aiming at the office's code while
        // the camera focuses, and a QR code that is no setup code.
        {u"scan_setup"_s, u"ScanSetupCodeScreen.qml"_s, {}, false, false, false, setupCode, false},
        {u"scan_not_setup"_s,
         u"ScanSetupCodeScreen.qml"_s,
         {},
         false,
         false,
         false,
         u"https://www.lishui.gov.cn/"_s},
        {u"enterprises"_s, u"EnterpriseListScreen.qml"_s, {}, false},
        {u"enterprise"_s, u"EnterpriseScreen.qml"_s, {{u"uscc"_s, s.uscc}}, false},
        {u"add_enterprise"_s, u"AddEnterpriseScreen.qml"_s, {}, false},
        {u"survey"_s, u"SurveyScreen.qml"_s, {{u"surveyId"_s, s.surveyId}}, false},
        {u"equipment"_s, u"EquipmentRowScreen.qml"_s, {{u"rowId"_s, s.rowId}}, false},
        // 本地优质供给: the survey's tab of local products and providers for its planned renewals.
        {u"local_supply"_s,
         u"SurveyScreen.qml"_s,
         {{u"surveyId"_s, s.supplySurveyId}, {u"startTab"_s, 3}},
         false},
        // The camera of the first row's nameplate photo: the live picture, then the photo taken.
        {u"capture"_s,
         u"CaptureScreen.qml"_s,
         {{u"recordId"_s, s.rowId}, {u"field"_s, u"photo"_s}},
         false,
         false,
         true},
        {u"capture_taken"_s,
         u"CaptureScreen.qml"_s,
         {{u"recordId"_s, s.rowId}, {u"field"_s, u"photo"_s}, {u"sampleShot"_s, true}},
         false,
         false,
         true},
        {u"sync"_s, u"SyncScreen.qml"_s, {}, false},
        // The survey after a sync brought a newer version: the notice of what is new above it.
        {u"survey_updated"_s, u"SurveyScreen.qml"_s, {{u"surveyId"_s, s.surveyId}}, false, true},
        {u"dashboard"_s, u"DashboardScreen.qml"_s, {}, true},
        {u"county"_s, u"CountyScreen.qml"_s, {{u"region"_s, s.region}}, true},
        {u"review"_s, u"ReviewScreen.qml"_s, {{u"surveyId"_s, s.surveyId}}, true},
        {u"official"_s, u"OfficialFiguresScreen.qml"_s, {}, true},
        // 2027: the policy's citywide targets beside the annex's 2024 ones.
        {u"targets"_s, u"TargetsScreen.qml"_s, {{u"period"_s, 2027}}, true},
        // A registry file of the first county as the store holds it: its preview, then one with
        // bad rows.
        {u"registry"_s, u"RegistryImportScreen.qml"_s, {{u"file"_s, s.registryFile}}, true},
        {u"registry_errors"_s,
         u"RegistryImportScreen.qml"_s,
         {{u"file"_s, s.badRegistryFile}},
         true},
        // The accounts by county, then right after making an inspector account of 莲都区 (a
        // name of its own per run: the card with the one-time password and the setup code).
        {u"accounts"_s, u"AccountsScreen.qml"_s, {}, true},
        {u"account_made"_s,
         u"AccountsScreen.qml"_s,
         {{u"sampleInspector"_s, u"wang.li.%1"_s.arg(session.now() % 100000)},
          {u"sampleRegion"_s, u"331102"_s}},
         true},
        // 供需对接, and its drill-down of 莲都区's machine tools (the demo's catalogue has a
        // provider and products of it there).
        {u"supply_demand"_s, u"SupplyDemandScreen.qml"_s, {}, true},
        {u"supply_demand_detail"_s,
         u"SupplyDemandDetailScreen.qml"_s,
         {{u"region"_s, u"331102"_s}, {u"category"_s, u"machine_tool"_s}},
         true},
    };
}

bool ScreenCatalog::exists(const QString &file)
{
    return QFile::exists(u":/Gengxin/Ui/"_s + file);
}

QString ScreenCatalog::url(const QString &file)
{
    return u"qrc:/Gengxin/Ui/"_s + file;
}

} // namespace gx
