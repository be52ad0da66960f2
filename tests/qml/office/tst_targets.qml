import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The targets screen over the test city (a real server on loopback), reached from the dashboard:
// the periods offered are the server's, a value typed in a row is saved and the server holds
// it, a bad value is refused beside its row with the county and indicator named and nothing is
// saved. Period 2026, which no other suite of this folder looks at.
Item {
    id: root
    width: 800
    height: 1280

    StackView {
        id: stack
        anchors.fill: parent
    }

    Component {
        id: dashboard
        DashboardScreen {}
    }

    TestCase {
        name: "Targets"
        when: windowShown

        readonly property int period: 2026

        function initTestCase() {
            compare(OfficeFixture.startAndLogin(), "")
        }

        function cleanup() {
            Session.period = 2024
            stack.clear()
        }

        function openDashboard() {
            stack.clear()
            const page = stack.push(dashboard)
            tryCompare(stack, "busy", false)
            tryCompare(page.coverage, "loading", false, 10000)
            waitForItemPolished(page)
            return page
        }

        function openTargets() {
            const page = openDashboard()
            const button = findChild(page, "targetsButton")
            verify(button.visible)
            waitForRendering(page)
            mouseClick(button)
            tryVerify(() => stack.currentItem !== page && stack.currentItem.targets !== undefined)
            tryCompare(stack, "busy", false)
            const screen = stack.currentItem
            screen.targets.period = period
            tryCompare(screen.targets, "loading", false, 10000)
            compare(screen.targets.error, "")
            return screen
        }

        // The row of (region, indicator), in view, with its box.
        function rowOf(screen, region, indicator) {
            const index = screen.targets.rowOf(region, indicator)
            verify(index >= 0)
            const list = findChild(screen, "targetList")
            list.positionViewAtIndex(index, ListView.Beginning)
            waitForItemPolished(list)
            tryVerify(() => list.itemAtIndex(index) !== null)
            return list.itemAtIndex(index)
        }

        function type(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of text)
                keyClick(c)
        }

        function test_periodsFromTheServer() {
            const page = openDashboard()
            const box = findChild(page, "periodBox")
            tryVerify(() => box.count >= 2, 10000)
            compare(box.count, page.coverage.periods.length)
            verify(page.coverage.periods.indexOf(2024) >= 0)
            verify(page.coverage.periods.indexOf(2027) >= 0)
            compare(box.currentText, "2024")
        }

        function test_saveShowsAndStores_data() {
            return [
                { tag: "rate", region: "331102", indicator: "digital_renovation_coverage",
                  typed: "93.5", shown: "93.5%", stored: 0.935 },
                { tag: "count", region: "331123", indicator: "robots_added",
                  typed: "25", shown: "25", stored: 25 },
            ]
        }

        function test_saveShowsAndStores(data) {
            const screen = openTargets()
            const row = rowOf(screen, data.region, data.indicator)
            type(findChild(row, "targetField"), data.typed)
            tryCompare(row, "edited", true)
            compare(screen.targets.changeCount, 1)
            const periodSpin = findChild(screen, "periodSpin")
            verify(!periodSpin.enabled) // the edit is this year's: save or undo first
            const message = findChild(screen, "savedMessage")
            verify(!message.visible)
            mouseClick(findChild(screen, "saveButton"))
            tryCompare(message, "visible", true, 10000)
            compare(screen.targets.error, "")
            const again = rowOf(screen, data.region, data.indicator)
            compare(again.valueText, data.shown)
            compare(again.edited, false)
            verify(periodSpin.enabled)
            fuzzyCompare(OfficeFixture.serverTarget(period, data.region, data.indicator),
                         data.stored, 1e-9)
        }

        function test_badValueRefusedBesideItsRow_data() {
            return [
                { tag: "not a number", indicator: "tech_invest_growth", typed: "abc" },
                { tag: "server: above 1000%", indicator: "design_tool_penetration", typed: "5000" },
            ]
        }

        function test_badValueRefusedBesideItsRow(data) {
            const screen = openTargets()
            const region = "331127" // 景宁畲族自治县
            const row = rowOf(screen, region, data.indicator)
            type(findChild(row, "targetField"), data.typed)
            mouseClick(findChild(screen, "saveButton"))
            const error = findChild(screen, "errorText")
            tryCompare(error, "visible", true, 10000)
            verify(error.text.indexOf("景宁") >= 0, error.text)
            verify(error.text.indexOf(row.label) >= 0, error.text)
            const refused = rowOf(screen, region, data.indicator)
            verify(findChild(refused, "rowError").visible)
            compare(findChild(screen, "savedMessage").visible, false)
            compare(OfficeFixture.serverTarget(period, region, data.indicator), undefined)
        }

        function test_referenceBesideEachValue() {
            const screen = openTargets()
            const row = rowOf(screen, "331102", "tech_invest_growth")
            const reference = findChild(row, "referenceText")
            verify(reference.text.indexOf("15.0%") >= 0, reference.text)
            verify(reference.text.indexOf("2024") >= 0, reference.text)
        }

        function test_screenshots() {
            const dir = OfficeFixture.screenshotDir()
            const sizes = [[1280, 800], [800, 1280], [360, 740]]
            for (const size of sizes) {
                root.width = size[0]
                root.height = size[1]
                const screen = openTargets()
                wait(300)
                grabImage(root).save(dir + "/targets-" + size[0] + "x" + size[1] + ".png")
            }
            root.width = 800
            root.height = 1280
        }
    }
}
