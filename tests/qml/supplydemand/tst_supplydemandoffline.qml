import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// 供需对接 offline: the screen keeps the last good answer of each period (and of each drill-down)
// under the app's data directory; once the demo city's real server is stopped, a screen opened
// again shows that answer whole, the same figure, rows and enterprises, marked
// 离线数据，截至 TIME with the time it was read, beside the reason the server gave none; a period
// with no copy shows nothing (never another period's figures).
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
    }

    Component {
        id: screen
        SupplyDemandScreen {}
    }
    Component {
        id: detailScreen
        SupplyDemandDetailScreen {}
    }

    TestCase {
        name: "SupplyDemandOffline"
        when: windowShown

        function initTestCase() {
            compare(SupplyDemandFixture.startAndLogin(), "")
            Session.period = SupplyDemandFixture.period()
        }

        function openScreen() {
            stack.clear()
            const page = stack.push(screen)
            tryCompare(stack, "busy", false)
            tryCompare(page.matches, "loading", false, 20000)
            return page
        }

        function openDetail(region, category) {
            const page = stack.push(detailScreen, { region: region, category: category })
            tryCompare(stack, "busy", false)
            tryCompare(page.detail, "loading", false, 20000)
            return page
        }

        function test_lastAnswerShownOffline() {
            // Online: a fresh answer, not marked.
            let page = openScreen()
            compare(page.matches.error, "")
            verify(page.matches.hasData)
            verify(!page.matches.fromCache)
            verify(!findChild(page, "offlineNote").visible)
            const valueText = page.matches.figure.valueText
            const fractionText = page.matches.figure.fractionText
            const count = page.matches.count
            const first = page.matches.get(0)
            const readAt = page.matches.lastUpdatedText
            verify(readAt !== "")
            let detail = openDetail(first.region, first.category)
            compare(detail.detail.error, "")
            verify(detail.detail.hasData)
            verify(!detail.detail.fromCache)
            const usccs = detail.detail.usccs()

            SupplyDemandFixture.stopServer()

            // Opened again with the server gone: the copy at once, whole, marked with its time.
            page = openScreen()
            verify(page.matches.error !== "", "the server's absence is said")
            verify(page.matches.hasData)
            verify(page.matches.fromCache)
            compare(page.matches.lastUpdatedText, readAt)
            const note = findChild(page, "offlineNote")
            verify(note.visible)
            compare(note.text, "离线数据，截至 " + readAt)
            compare(page.matches.figure.valueText, valueText)
            compare(page.matches.figure.fractionText, fractionText)
            compare(page.matches.count, count)
            compare(page.matches.get(0).category, first.category)
            compare(page.matches.get(0).investmentText, first.investmentText)
            waitForRendering(page)
            grabImage(root).save(SupplyDemandFixture.screenshotDir()
                                 + "/supply_demand_offline-1280x800.png")

            // The drill-down too.
            detail = openDetail(first.region, first.category)
            verify(detail.detail.error !== "")
            verify(detail.detail.fromCache)
            compare(detail.detail.usccs(), usccs)
            verify(findChild(detail, "detailOfflineNote").visible)
            compare(findChild(detail, "detailOfflineNote").text, "离线数据，截至 " + readAt)

            // Another period has no copy: nothing is shown, and nothing is marked.
            stack.clear()
            Session.period = SupplyDemandFixture.period() + 1
            page = openScreen()
            verify(!page.matches.hasData)
            verify(!page.matches.fromCache)
            compare(page.matches.count, 0)
            verify(!findChild(page, "offlineNote").visible)
            // Back to the period of the copy.
            Session.period = SupplyDemandFixture.period()
            tryCompare(page.matches, "loading", false, 20000)
            verify(page.matches.fromCache)
            compare(page.matches.count, count)
            stack.clear()
        }
    }
}
