import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// 供需对接 over a demo city's real server (SupplyDemandFixture: `gengxin-server demo` with its
// catalogue, in-process on loopback): the headline figure is the server's numerator and
// denominator, a gap row is marked 缺口 and a supplied one is not, a row opens the drill-down
// with the enterprises and the local supply the server lists, phones get cards, and 导出 Excel
// writes the server's workbook.
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

    TestCase {
        name: "SupplyDemand"
        when: windowShown

        property var answer: ({})

        function initTestCase() {
            compare(SupplyDemandFixture.startAndLogin(), "")
            Session.period = SupplyDemandFixture.period()
            answer = SupplyDemandFixture.report(Session.period)
            verify(answer.rows !== undefined, JSON.stringify(answer))
        }

        function init() {
            root.width = 1280
            root.height = 800
            stack.clear()
        }

        function openScreen() {
            const page = stack.push(screen)
            tryCompare(stack, "busy", false)
            tryCompare(page.matches, "loading", false, 20000)
            compare(page.matches.error, "")
            verify(page.matches.hasData)
            waitForItemPolished(page)
            return page
        }

        // Scrolls the screen until the item lies wholly inside the view, so a click lands on it.
        function scrollTo(page, item) {
            const flick = findChild(page, "supplyDemandScroll").contentItem
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
        }

        // The first row of the answer that passes the test.
        function rowWhere(test) {
            for (const row of answer.rows) {
                if (test(row))
                    return row
            }
            return null
        }

        function test_headlineIsTheServersFigure() {
            const page = openScreen()
            const city = answer.city
            verify(city.categories_with_demand > 0, JSON.stringify(city))
            const figure = page.matches.figure
            compare(figure.numerator, city.categories_supplied)
            compare(figure.denominator, city.categories_with_demand)
            compare(figure.gaps, city.gaps)
            compare(figure.enterprises, city.demand.enterprises)
            compare(figure.units, city.demand.units)
            const value = findChild(page, "figureValue")
            const percent = (100 * city.categories_supplied / city.categories_with_demand).toFixed(1)
            compare(value.text, percent + "%")
            const fraction = findChild(page, "figureFraction")
            verify(fraction.visible)
            verify(fraction.text.indexOf(String(city.categories_supplied)) >= 0, fraction.text)
            verify(fraction.text.indexOf(String(city.categories_with_demand)) >= 0, fraction.text)
            compare(page.matches.count, answer.rows.length)
            verify(page.matches.chart.count > 0)
            verify(page.matches.chart.count <= 12)
        }

        // A county's figure is the server's for that county, and the table keeps its rows only.
        function test_countyFilter() {
            const page = openScreen()
            let region = null
            for (const r of answer.regions) {
                if (r.categories_with_demand > 0 && r.gaps > 0) {
                    region = r
                    break
                }
            }
            verify(region !== null, "no county with a gap")
            const box = findChild(page, "countyBox")
            const index = box.indexOfValue(region.region)
            verify(index > 0)
            box.currentIndex = index
            box.activated(index)
            compare(page.matches.county, region.region)
            compare(page.matches.figure.numerator, region.categories_supplied)
            compare(page.matches.figure.denominator, region.categories_with_demand)
            compare(page.matches.count,
                    answer.rows.filter(r => r.region === region.region).length)
            for (let i = 0; i < page.matches.count; ++i)
                compare(page.matches.get(i).region, region.region)
        }

        function test_gapRowMarked() {
            const page = openScreen()
            const gap = rowWhere(r => r.gap)
            verify(gap !== null, "the demo city has no gap")
            const supplied = rowWhere(r => !r.gap && r.demand.rows > 0)
            verify(supplied !== null, "the demo city has no match")
            const gapRow = findChild(page, "match_" + gap.region + "_" + gap.category)
            verify(gapRow)
            verify(findChild(gapRow, "gapMark").visible)
            const suppliedRow = findChild(page, "match_" + supplied.region + "_" + supplied.category)
            verify(suppliedRow)
            verify(!findChild(suppliedRow, "gapMark").visible)
            // Gaps only: exactly the server's gap rows.
            findChild(page, "gapsOnly").toggle()
            findChild(page, "gapsOnly").toggled()
            compare(page.matches.count, answer.rows.filter(r => r.gap).length)
            for (let i = 0; i < page.matches.count; ++i)
                verify(page.matches.get(i).gap)
        }

        function checkDrillDown(page, row) {
            const item = findChild(page, "match_" + row.region + "_" + row.category)
            verify(item)
            scrollTo(page, item)
            mouseClick(item)
            tryVerify(() => stack.currentItem !== page)
            tryCompare(stack, "busy", false)
            const detail = stack.currentItem.detail
            tryCompare(detail, "loading", false, 20000)
            compare(detail.error, "")
            verify(detail.hasData)
            const expected = SupplyDemandFixture.detail(Session.period, row.region, row.category)
            compare(detail.usccs(), expected.enterprises.map(e => e.enterprise))
            compare(detail.count, row.demand.enterprises)
            compare(detail.totalUnits, row.demand.units)
            compare(detail.offers.count, row.products + row.providers)
            compare(detail.offers.titles(),
                    expected.products.map(p => p.name).concat(expected.providers.map(p => p.name)))
            for (const e of expected.enterprises)
                verify(findChild(stack.currentItem, "demand_" + e.enterprise), e.enterprise)
            compare(findChild(stack.currentItem, "noSupply").visible, row.gap)
            return stack.currentItem
        }

        function test_drillDownOfAMatch() {
            const page = openScreen()
            const row = rowWhere(r => !r.gap && r.demand.rows > 0 && r.products + r.providers > 0)
            verify(row !== null)
            const detail = checkDrillDown(page, row)
            waitForRendering(detail)
            grabImage(root).save(SupplyDemandFixture.screenshotDir()
                                 + "/supply_demand_detail-1280x800.png")
        }

        function test_drillDownOfAGap() {
            const page = openScreen()
            checkDrillDown(page, rowWhere(r => r.gap))
        }

        function test_phoneShowsCards() {
            root.width = 360
            root.height = 740
            const page = openScreen()
            verify(!page.wide)
            const gap = rowWhere(r => r.gap)
            const card = findChild(page, "match_" + gap.region + "_" + gap.category)
            verify(card)
            verify(card.width <= 360)
            verify(findChild(card, "gapMark").visible)
            checkDrillDown(page, rowWhere(r => !r.gap && r.demand.rows > 0))
        }

        // 导出 Excel: the dialog's exporter writes the server's workbook to the chosen file.
        function test_exportWritesTheServersWorkbook() {
            const page = openScreen()
            const button = findChild(page, "exportButton")
            waitForRendering(page)
            mouseClick(button)
            const dialog = page.exportDialog
            tryCompare(dialog, "opened", true, 10000)
            verify(dialog.xlsxOnly)
            const path = SupplyDemandFixture.screenshotDir() + "/../supply-demand-test.xlsx"
            dialog.exporter.exportTo("xlsx", "file://" + path)
            tryVerify(() => dialog.exporter.savedPath !== "" || dialog.exporter.error !== "",
                      20000)
            compare(dialog.exporter.error, "")
            const saved = SupplyDemandFixture.fileLines(dialog.exporter.savedPath)
            verify(saved.length > answer.rows.length, saved.length)
            compare(saved, SupplyDemandFixture.exportLines(Session.period))
            verify(saved.some(line => line.indexOf("供需缺口") >= 0), saved.slice(0, 3))
            // CSV is not offered for this report.
            dialog.exporter.exportTo("csv", "file://" + path + ".csv")
            verify(dialog.exporter.error !== "")
            dialog.close()
            tryCompare(dialog, "visible", false)
        }
    }
}
