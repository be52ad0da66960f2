import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// 本地优质供给 on the real SurveyScreen of an enterprise user: a planned renewal of motors shows
// the catalogue's motor products and providers, those of the enterprise's county first; a planned
// compressor shows 暂无本地供给; the list follows the rows (a row no longer planned leaves) and the
// catalogue (a product the office deleted disappears); the catalogue is read-only in the store,
// also when its records arrive before the version that defines them.
FormTestBench {
    id: bench

    property string motorRow
    property string compressorRow

    Component {
        id: surveyScreen
        SurveyScreen {}
    }

    function seedEnterprise(user) {
        if (Fixture.openLocal(user, "enterprise", "", bench.uscc) !== "")
            return false
        Session.language = "zh_CN"
        Fixture.createRecord("enterprise", { "name": "丽水精工机械有限公司", "region": "331102" },
                             bench.uscc)
        bench.surveyId = Fixture.createRecord("survey", { "enterprise": bench.uscc,
                                                          "period": 2024, "state": "draft" })
        bench.motorRow = Fixture.createRecord("equipment", {
            "survey": bench.surveyId, "name": "空压站电机", "category": "motor", "quantity": 4,
            "status": "planned_renewal", "planned_year": 2025 })
        bench.compressorRow = Fixture.createRecord("equipment", {
            "survey": bench.surveyId, "name": "螺杆空压机", "category": "compressor",
            "quantity": 1, "status": "planned_renewal", "planned_year": 2026 })
        Fixture.createRecord("equipment", {
            "survey": bench.surveyId, "name": "循环水泵", "category": "pump", "quantity": 2,
            "status": "in_service" })
        return bench.surveyId !== "" && bench.compressorRow !== ""
    }

    TestCase {
        name: "LocalSupply"
        when: windowShown

        function openSupply() {
            const screen = bench.nav.push(surveyScreen, { surveyId: bench.surveyId },
                                          StackView.Immediate)
            waitForRendering(screen)
            const tab = findChild(screen, "supplyTab")
            compare(tab.text, "本地优质供给")
            waitForItemPolished(tab)
            mouseClick(tab)
            const panel = findChild(screen, "supplyPanel")
            tryCompare(panel, "visible", true)
            return findChild(panel, "supplyList")
        }

        function nameAt(view, i) {
            tryVerify(() => view.itemAtIndex(i) !== null, 5000, "line " + i)
            return findChild(view.itemAtIndex(i), "supplyName").text
        }

        function cleanup() {
            bench.nav.clear()
        }

        function test_enterpriseSeesLocalSupply() {
            verify(bench.seedEnterprise("ent-supply"))
            compare(FormFixture.pullCatalogue(true), 5)
            const view = openSupply()
            // motor: 2 products (莲都 first), 2 providers (莲都 first); compressor: none
            tryCompare(view, "count", 5)
            compare(nameAt(view, 0), "YE4 超高效三相异步电动机")
            verify(findChild(view.itemAtIndex(0), "firstOfKindChip").visible)
            compare(view.itemAtIndex(0).sameCounty, true)
            // labels of the catalogue's version, never the codes
            const efficiency = view.itemAtIndex(0).efficiencyLabel
            verify(efficiency !== "" && efficiency !== "advanced", efficiency)
            compare(nameAt(view, 1), "永磁同步电动机")
            compare(view.itemAtIndex(1).sameCounty, false)
            compare(view.itemAtIndex(1).countyName, "青田县")
            compare(nameAt(view, 2), "莲都绿能节能科技有限公司")
            verify(findChild(view.itemAtIndex(2), "excellentChip").visible)
            compare(view.itemAtIndex(2).contact, "陈丽 0578-2123456")
            verify(view.itemAtIndex(2).services.indexOf("energy_saving") < 0)
            compare(nameAt(view, 3), "青田机电设备服务有限公司")
            verify(!findChild(view.itemAtIndex(3), "excellentChip").visible)
            compare(nameAt(view, 4), "暂无本地供给")
            compare(view.itemAtIndex(4).kind, "none")
            compare(view.model.gapCount, 1)
            compare(view.model.categoryCount, 2)
            compare(view.model.countyName, "莲都区")

            // the rows change: the compressor is no longer planned, its gap leaves
            const before = Fixture.outboxCount()
            compare(FormFixture.tryEdit("equipment", bench.compressorRow, "status", "in_service"), "")
            Session.notifyDataChanged()
            tryCompare(view, "count", 4)
            // the office deletes a product: it disappears at the next pull
            verify(FormFixture.pullCatalogueDeletion("product", "prod-motor-ld"))
            tryCompare(view, "count", 3)
            compare(nameAt(view, 0), "永磁同步电动机")

            // read-only on this device: refused in the store, nothing queued
            const queued = Fixture.outboxCount()
            compare(FormFixture.tryEdit("product", "prod-motor-qt", "name", "改名"), "read_only")
            compare(FormFixture.tryEdit("provider", "prov-energy-ld", "excellent", false),
                    "read_only")
            compare(Fixture.outboxCount(), queued)
            verify(queued >= before)
        }

        function test_beforeTheCatalogueVersionArrives() {
            verify(bench.seedEnterprise("ent-early"))
            // the pull brings the records; the forms step that fetches their version has not run
            compare(FormFixture.pullCatalogue(false), 5)
            const view = openSupply()
            tryCompare(view, "count", 5)
            compare(nameAt(view, 0), "YE4 超高效三相异步电动机")
            compare(FormFixture.tryEdit("product", "prod-motor-ld", "name", "改名"), "read_only")
            // then the version arrives: the labels of the catalogue's fields
            compare(FormFixture.pullCatalogue(true), 5)
            tryVerify(() => view.itemAtIndex(2) !== null
                      && view.itemAtIndex(2).services.indexOf("节能") >= 0)
            compare(FormFixture.tryEdit("product", "prod-motor-ld", "name", "改名"), "read_only")
        }

        function test_noPlannedRenewal() {
            verify(bench.seed("insp-supply"))
            compare(FormFixture.pullCatalogue(true), 5)
            const view = openSupply()
            compare(view.count, 0)
            verify(findChild(bench.nav.currentItem, "supplyIntro").text.indexOf("计划更新") >= 0)
        }
    }
}
