import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// Renders the survey screens at phone and tablet sizes into GX_SCREENSHOT_DIR (skipped when it
// is not set), with a review task, a validation message and equipment rows, for a person to
// look at. Also checks that nothing of the form is wider than the phone.
FormTestBench {
    id: bench

    Component {
        id: surveyScreen
        SurveyScreen {}
    }

    TestCase {
        name: "Screenshots"
        when: windowShown

        function initTestCase() {
            verify(bench.seed("form-shots"))
            FormFixture.addEquipmentRows(bench.surveyId, 12)
            FormFixture.addReview("survey", bench.surveyId, "robots_total",
                                  "机器人保有量与现场不符，请核实后重新填写")
            FormFixture.addReview("survey", bench.surveyId, "notes", "请补充走访情况")
            FormFixture.addConflict("survey", bench.surveyId, "notes", "二号车间已改造",
                                    "二号车间改造中", "zhao")
        }

        function shoot(name, w, h) {
            bench.width = w
            bench.height = h
            const screen = bench.nav.push(surveyScreen, { surveyId: bench.surveyId },
                                          StackView.Immediate)
            const form = findChild(screen, "surveyForm")
            form.fields.setValue("key_processes", "12a")
            form.fields.setValue("design_tools", true)
            waitForRendering(screen)
            wait(50)
            // nothing of a delegate sticks out of the form on a phone
            for (let i = 0; i < form.count; ++i) {
                const item = form.itemAtIndex(i)
                if (item && item.visible)
                    verify(item.width <= form.width, item.objectName + " " + item.width)
            }
            const dir = FormFixture.screenshotDir()
            if (dir !== "") {
                grabImage(bench).save(dir + "/" + name + "-form.png")
                mouseClick(findChild(screen, "equipmentTab"))
                waitForRendering(screen)
                wait(50)
                grabImage(bench).save(dir + "/" + name + "-equipment.png")
                const rows = findChild(findChild(screen, "equipmentList"), "rowList")
                mouseClick(rows.itemAtIndex(1))
                tryCompare(bench.nav, "depth", 2)
                waitForRendering(bench.nav.currentItem)
                wait(400)
                grabImage(bench).save(dir + "/" + name + "-row.png")
                bench.nav.pop(null, StackView.Immediate)
                mouseClick(findChild(screen, "surveyTab"))
                mouseClick(findChild(screen, "submitButton"))
                wait(400)
                grabImage(bench).save(dir + "/" + name + "-submit.png")
                findChild(screen, "issuesDialog").close()
                wait(300)
                form.positionViewAtBeginning()
                const calendar = findChild(screen, "calendar_visit_date")
                waitForItemPolished(calendar)
                mouseClick(calendar)
                wait(400)
                grabImage(bench).save(dir + "/" + name + "-calendar.png")
                keyClick(Qt.Key_Escape)
                wait(300)
            }
            bench.nav.clear()
        }

        function test_phone() {
            shoot("phone-360x740", 360, 740)
        }
        function test_tablet() {
            shoot("tablet-800x1280", 800, 1280)
        }
        function test_desktop() {
            shoot("desktop-1280x800", 1280, 800)
        }
    }
}
