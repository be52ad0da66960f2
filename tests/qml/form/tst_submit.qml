import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// Submitting through the real SurveyScreen: with errors the problems are listed, a tap on one
// brings the form to that field with the cursor in it; once everything is answered the survey
// is submitted (its state in the store).
FormTestBench {
    id: bench

    Component {
        id: surveyScreen
        SurveyScreen {}
    }

    TestCase {
        name: "Submit"
        when: windowShown

        property var screen
        property var form

        function initTestCase() {
            verify(bench.seed("form-submit"))
        }
        function init() {
            screen = bench.nav.push(surveyScreen, { surveyId: bench.surveyId })
            form = findChild(screen, "surveyForm")
            waitForRendering(screen)
        }
        function cleanup() {
            bench.nav.clear()
        }
        function issueRow(list, field) {
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (item && item.field === field)
                    return item
                list.positionViewAtIndex(i + 1, ListView.Contain)
            }
            return null
        }

        function test_errorsListedAndTapJumps() {
            const submit = findChild(screen, "submitButton")
            waitForItemPolished(submit)
            mouseClick(submit)
            const dialog = findChild(screen, "issuesDialog")
            tryCompare(dialog, "opened", true)
            const list = findChild(dialog, "issueList")
            verify(list.count >= 10, list.count)
            compare(Fixture.record("survey", bench.surveyId).state, "draft")

            const issue = issueRow(list, "equipment_invest_10k")
            verify(issue)
            compare(issue.fieldLabel, "本期设备投资")
            compare(issue.message, "请填写「本期设备投资」")
            waitForItemPolished(issue)
            mouseClick(issue)
            tryCompare(dialog, "visible", false)
            const row = form.fields.indexOf("equipment_invest_10k")
            tryVerify(() => form.itemAtIndex(row) !== null)
            const cell = form.itemAtIndex(row)
            const input = findChild(cell, "input_equipment_invest_10k")
            tryCompare(input, "activeFocus", true)
            // the field is in view: its delegate lies within the visible part of the list
            verify(cell.y >= form.contentY - 1 && cell.y < form.contentY + form.height,
                   cell.y + " vs " + form.contentY)
            verify(form.contentY > 0)
        }

        function test_rowProblemOpensTheRow() {
            const other = Fixture.createRecord("survey", { "enterprise": bench.uscc,
                                                           "period": 2025, "state": "draft" })
            const rowId = Fixture.createRecord("equipment", { "survey": other, "name": "空压机",
                                                              "category": "compressor",
                                                              "status": "in_service" })
            bench.nav.clear()
            screen = bench.nav.push(surveyScreen, { surveyId: other })
            waitForRendering(screen)
            const submit = findChild(screen, "submitButton")
            waitForItemPolished(submit)
            mouseClick(submit)
            const dialog = findChild(screen, "issuesDialog")
            tryCompare(dialog, "opened", true)
            const list = findChild(dialog, "issueList")
            let issue = null
            for (let i = list.count - 1; i >= 0 && !issue; --i) {
                list.positionViewAtIndex(i, ListView.Contain)
                const item = list.itemAtIndex(i)
                if (item && item.entity === "equipment" && item.field === "quantity")
                    issue = item
            }
            verify(issue)
            compare(issue.rowTitle, "设备 1：空压机")
            waitForItemPolished(issue)
            mouseClick(issue)
            tryCompare(bench.nav, "depth", 2)
            compare(bench.nav.currentItem.rowId, rowId)
            tryVerify(() => findChild(bench.nav.currentItem, "input_quantity") !== null)
            tryCompare(findChild(bench.nav.currentItem, "input_quantity"), "activeFocus", true)
        }

        function test_submitsWhenComplete() {
            const answers = {
                "visit_date": "2024-06-03", "digital_level": 2, "renovation_status": "in_progress",
                "design_tools": false, "key_processes": 4, "key_processes_cnc": 3,
                "factory_tier": "none", "robots_added": 0, "tech_invest_base_10k": 100,
                "tech_invest_10k": 120, "equipment_invest_base_10k": 80, "equipment_invest_10k": 95
            }
            for (const name in answers)
                verify(form.fields.setValue(name, answers[name]), name)
            const submit = findChild(screen, "submitButton")
            waitForItemPolished(submit)
            mouseClick(submit)
            const done = findChild(screen, "submittedDialog")
            tryCompare(done, "opened", true)
            compare(Fixture.record("survey", bench.surveyId).state, "submitted")
            compare(findChild(screen, "surveyState").text, "已提交")
        }
    }
}
