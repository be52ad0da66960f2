import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The survey-updated banner and the catalogue of 供需对接 (provider, product, case): the version
// that adds the catalogue's entities, and the catalogue's records arriving, are no news to an
// enterprise user or an inspector, who read the catalogue but never fill it: the banner stays
// hidden; a later version that changes the survey names the survey's change only. The office,
// who edits the catalogue, is told of its entities.
FormTestBench {
    id: bench

    Component {
        id: banner
        FormUpdateBanner {
            width: bench.width
        }
    }

    TestCase {
        name: "CatalogueVersion"
        when: windowShown

        function open(user, role, region, enterprise) {
            compare(Fixture.openLocal(user, role, region, enterprise), "")
            Session.language = "zh_CN"
            compare(Session.formVersion, 1)
        }

        function test_notNewsToThoseWhoReadIt_data() {
            return [
                { tag: "enterprise", user: "ent-banner", role: "enterprise", region: "",
                  enterprise: bench.uscc },
                { tag: "inspector", user: "insp-banner", role: "inspector", region: "331102",
                  enterprise: "" },
            ]
        }
        function test_notNewsToThoseWhoReadIt(data) {
            open(data.user, data.role, data.region, data.enterprise)
            const shown = createTemporaryObject(banner, bench)
            verify(!shown.visible)
            // The version with the catalogue's entities and the catalogue's records arrive.
            compare(FormFixture.pullCatalogue(true), 5)
            compare(Session.formVersion, 2)
            wait(50)
            verify(!shown.visible)
            compare(shown.notice.version, 0)
            compare(shown.notice.text, "")
            // Only the catalogue's records change at the next sync: still nothing.
            compare(FormFixture.pullCatalogue(false), 5)
            verify(FormFixture.pullCatalogueDeletion("product", "prod-pump-ld"))
            wait(50)
            verify(!shown.visible)
            // A version that changes the survey: told of that, and of nothing of the catalogue's.
            compare(FormFixture.storeNextFormVersion(), 3)
            tryCompare(shown, "visible", true)
            compare(findChild(shown, "formUpdateText").text, "调查表已更新到第3版：新增 数字化负责人")
            // A banner made later (a restart) says the same.
            const later = createTemporaryObject(banner, bench)
            compare(later.notice.text, "调查表已更新到第3版：新增 数字化负责人")
        }

        function test_newsToTheOffice() {
            open("office-banner", "office", "", "")
            const shown = createTemporaryObject(banner, bench)
            verify(!shown.visible)
            compare(FormFixture.pullCatalogue(true), 5)
            tryCompare(shown, "visible", true)
            compare(findChild(shown, "formUpdateText").text,
                    "调查表已更新到第2版：新增 服务商、产品、典型案例")
        }
    }
}
