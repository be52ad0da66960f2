import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The office dashboard over the test city of OfficeFixture (a real server on loopback): the
// city's digital renovation coverage as its percent, the numerator and denominator on a tap, and
// a county opening its enterprises.
Item {
    id: root
    width: 1280
    height: 800

    StackView {
        id: stack
        anchors.fill: parent
    }

    Component {
        id: dashboard
        DashboardScreen {}
    }
    Component {
        id: countyScreen
        CountyScreen {}
    }
    Component {
        id: officialScreen
        OfficialFiguresScreen {}
    }

    TestCase {
        name: "Dashboard"
        when: windowShown

        function initTestCase() {
            compare(OfficeFixture.startAndLogin(), "")
        }

        function init() {
            root.width = 1280
            root.height = 800
            stack.clear()
        }

        function openDashboard() {
            const page = stack.push(dashboard)
            tryCompare(stack, "busy", false)
            tryCompare(page.coverage, "loading", false, 10000)
            compare(page.coverage.error, "")
            verify(page.coverage.hasData)
            waitForItemPolished(page)
            return page
        }

        // Scrolls until the item lies wholly inside the view (a late layout, e.g. the second
        // coverage answer, may move it after the first try), so that a click lands on it.
        // The check runs again after the page has polished and rendered: a relayout meanwhile
        // (the figures or the periods arriving) can put the view back at the top.
        function scrollTo(page, item) {
            const flick = findChild(page, "dashboardScroll").contentItem
            const inView = () => {
                const at = item.mapToItem(flick.contentItem, 0, 0)
                flick.contentY = Math.max(0, Math.min(at.y - 20, flick.contentHeight - flick.height))
                const seen = item.mapToItem(flick, 0, 0)
                return seen.y >= 0 && seen.y + item.height <= flick.height
            }
            tryVerify(inView)
            waitForItemPolished(page)
            waitForRendering(page)
            tryVerify(inView)
            waitForRendering(page)
            tryVerify(inView)
        }

        function test_cityCoverageAsPercent() {
            const page = openDashboard()
            const card = findChild(page, "card_digital_renovation_coverage")
            verify(card)
            waitForItemPolished(findChild(page, "cityCards"))
            waitForRendering(page)
            tryCompare(findChild(card, "valueText"), "text", "25.0%")
            const fraction = findChild(card, "fractionText")
            verify(!fraction.visible)
            mouseClick(card)
            tryCompare(fraction, "visible", true)
            const figure = page.coverage.figure("331100", "digital_renovation_coverage")
            compare(figure.numerator, 1)
            compare(figure.denominator, 4)
            compare(fraction.text, figure.fractionText)
            verify(fraction.text.indexOf("1") >= 0 && fraction.text.indexOf("4") >= 0)
        }

        function test_countyTapOpensCounty() {
            const page = openDashboard()
            const row = findChild(page, "county_" + OfficeFixture.region())
            verify(row)
            scrollTo(page, row)
            mouseClick(row)
            tryVerify(() => stack.currentItem !== page && stack.currentItem.region !== undefined)
            const county = stack.currentItem
            tryCompare(stack, "busy", false)
            compare(county.region, OfficeFixture.region())
            tryCompare(county.enterprises, "count", 4)
            compare(county.enterprises.surveyedCount, 2)
        }

        function test_exportDialogOpens() {
            const page = openDashboard()
            const button = findChild(page, "exportButton")
            waitForItemPolished(button)
            waitForRendering(page)
            mouseClick(button)
            const dialog = page.exportDialog
            tryCompare(dialog, "opened", true, 10000)
            compare(dialog.period, Session.period)
            verify(dialog.exporter.downloadsFolder.length > 0)
            dialog.close()
            tryCompare(dialog, "visible", false)
        }

        // 导出报告(PDF) writes the period's report into the app's folder and says where.
        function test_reportToTheAppsFolder() {
            const page = openDashboard()
            const button = findChild(page, "reportButton")
            waitForItemPolished(button)
            waitForRendering(page)
            mouseClick(button)
            const dialog = page.reportDialog
            tryCompare(dialog, "opened", true, 10000)
            compare(dialog.period, Session.period)
            const save = findChild(dialog.contentItem, "saveReport")
            waitForItemPolished(save)
            mouseClick(save)
            tryCompare(dialog.reporter, "busy", false, 30000)
            tryVerify(() => dialog.reporter.savedPath !== "" || dialog.reporter.error !== "", 30000)
            compare(dialog.reporter.error, "")
            compare(dialog.reporter.savedPath, dialog.reporter.defaultPath)
            verify(dialog.reporter.savedPath.endsWith("gengxin-report-" + Session.period + ".pdf"))
            const result = findChild(dialog.contentItem, "reportResult")
            verify(result.text.indexOf(dialog.reporter.savedPath) >= 0, result.text)
            verify(result.text.indexOf("报告已写入") >= 0, result.text)
            waitForRendering(page)
            grabImage(root).save(OfficeFixture.screenshotDir() + "/report_dialog-1280x800.png")
            dialog.close()
            tryCompare(dialog, "visible", false)
        }

        function test_screenshots() {
            const dir = OfficeFixture.screenshotDir()
            const sizes = [[1280, 800], [800, 1280], [360, 740]]
            for (const size of sizes) {
                root.width = size[0]
                root.height = size[1]
                stack.clear()
                const page = openDashboard()
                wait(300)
                grabImage(root).save(dir + "/dashboard-" + size[0] + "x" + size[1] + ".png")
                const flick = findChild(page, "dashboardScroll").contentItem
                const stops = [0.35, 0.7, 1.0]
                for (let i = 0; i < stops.length; ++i) {
                    flick.contentY = (flick.contentHeight - flick.height) * stops[i]
                    wait(200)
                    grabImage(root).save(dir + "/dashboard-" + size[0] + "x" + size[1] + "-" + (i + 2) + ".png")
                }
                const chart = findChild(page, "chart_digital_renovation_coverage")
                scrollTo(page, chart)
                wait(200)
                grabImage(root).save(dir + "/dashboard-" + size[0] + "x" + size[1] + "-chart.png")
                stack.clear()
                const county = stack.push(countyScreen, { region: OfficeFixture.region() })
                tryCompare(county.enterprises, "count", 4)
                wait(200)
                grabImage(root).save(dir + "/county-" + size[0] + "x" + size[1] + ".png")
                stack.clear()
                const official = stack.push(officialScreen)
                tryCompare(official.figures, "loading", false, 10000)
                wait(200)
                grabImage(root).save(dir + "/official-" + size[0] + "x" + size[1] + ".png")
            }
        }
    }
}
