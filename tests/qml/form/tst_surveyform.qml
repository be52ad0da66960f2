import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// Filling a survey through the real SurveyScreen: a bad value shows its message beside the
// field and saves nothing; fixing it clears the message; answers that govern relevance show
// and hide the dependent fields.
FormTestBench {
    id: bench

    Component {
        id: surveyScreen
        SurveyScreen {}
    }
    Component {
        id: readOnlyForm
        SurveyForm {
            width: bench.width
            height: bench.height
            readOnly: true
        }
    }
    SignalSpy {
        id: activated
        signalName: "fieldActivated"
    }

    TestCase {
        name: "SurveyForm"
        when: windowShown

        property var screen
        property var form

        function initTestCase() {
            verify(bench.seed("form-fill"))
        }
        function init() {
            screen = bench.nav.push(surveyScreen, { surveyId: bench.surveyId })
            form = findChild(screen, "surveyForm")
            verify(form)
            waitForRendering(screen)
        }
        function cleanup() {
            bench.nav.clear()
        }
        function cellOf(name) {
            const row = form.fields.indexOf(name)
            form.positionViewAtIndex(row, ListView.Beginning)
            return form.itemAtIndex(row)
        }
        function typeInto(input, text) {
            mouseClick(input)
            input.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of text)
                keyClick(c)
            keyClick(Qt.Key_Return)
        }

        function test_badValueShowsMessageAndVanishes() {
            const cell = cellOf("key_processes")
            verify(cell)
            waitForItemPolished(cell)
            const input = findChild(cell, "input_key_processes")
            const error = findChild(cell, "error_key_processes")
            verify(!error.visible)
            typeInto(input, "12a")
            tryCompare(error, "visible", true)
            compare(error.text, "请输入整数")
            verify(Fixture.record("survey", bench.surveyId).key_processes === undefined)
            typeInto(input, "12")
            tryCompare(error, "visible", false)
            compare(Fixture.record("survey", bench.surveyId).key_processes, 12)
        }

        function test_savedAfterAPauseWithoutEnter() {
            const cell = cellOf("robots_total")
            waitForItemPolished(cell)
            const input = findChild(cell, "input_robots_total")
            mouseClick(input)
            input.selectAll()
            keyClick(Qt.Key_Delete)
            keyClick("3")
            keyClick("7")
            verify(input.activeFocus)
            tryVerify(() => Fixture.record("survey", bench.surveyId).robots_total === 37, 4000)
            verify(input.activeFocus) // still typing there
            // long text too
            const notes = findChild(cellOf("notes"), "input_notes")
            mouseClick(notes)
            keyClick("A")
            tryVerify(() => Fixture.record("survey", bench.surveyId).notes === "A", 4000)
        }

        function test_ruleMessageBesideTheField() {
            typeInto(findChild(cellOf("key_processes"), "input_key_processes"), "2")
            const cell = cellOf("key_processes_cnc")
            waitForItemPolished(cell)
            typeInto(findChild(cell, "input_key_processes_cnc"), "5")
            const error = findChild(cell, "error_key_processes_cnc")
            tryCompare(error, "visible", true)
            compare(error.text, "数控化关键工序数不能大于关键工序数")
            typeInto(findChild(cellOf("key_processes"), "input_key_processes"), "6")
            tryCompare(error, "visible", false)
        }

        function test_relevanceHidesAndShows() {
            const kinds = cellOf("design_tool_kinds")
            verify(kinds)
            compare(kinds.visible, false)
            compare(kinds.height, 0)
            const toggle = findChild(cellOf("design_tools"), "input_design_tools")
            waitForItemPolished(toggle)
            mouseClick(toggle)
            tryCompare(kinds, "visible", true)
            verify(kinds.height > 0)
            compare(Fixture.record("survey", bench.surveyId).design_tools, true)
            // answering the dependent field, then hiding it again keeps its value
            mouseClick(findChild(cellOf("design_tool_kinds"), "option_design_tool_kinds_cad3d"))
            tryVerify(() => (Fixture.record("survey", bench.surveyId).design_tool_kinds || []).length === 1)
            mouseClick(findChild(cellOf("design_tools"), "input_design_tools"))
            tryCompare(kinds, "visible", false)
            compare(Fixture.record("survey", bench.surveyId).design_tool_kinds, ["cad3d"])
        }

        function test_reviewTaskJumpsToField() {
            verify(FormFixture.addReview("survey", bench.surveyId, "robots_total",
                                         "机器人数量请核实"))
            tryVerify(() => findChild(screen, "reviewTask_0") !== null)
            const banner = findChild(screen, "reviewTask_0")
            compare(banner.comment, "机器人数量请核实")
            compare(banner.fieldLabel, "工业机器人保有量")
            waitForItemPolished(banner.parent)
            tryVerify(() => banner.width > 0 && banner.height > 0)
            mouseClick(banner)
            const row = form.fields.indexOf("robots_total")
            tryVerify(() => form.itemAtIndex(row) !== null)
            const cell = form.itemAtIndex(row)
            tryCompare(findChild(cell, "input_robots_total"), "activeFocus", true)
            compare(cell.reviewComment, "机器人数量请核实")
            // dealt with: the task leaves the top of the survey
            mouseClick(findChild(banner, "finishButton"))
            tryVerify(() => findChild(screen, "reviewTask_0") === null)
        }

        function test_readOnlyReportsTheTappedField() {
            const view = createTemporaryObject(readOnlyForm, bench, { surveyId: bench.surveyId })
            activated.target = view
            activated.clear()
            waitForRendering(view)
            const row = view.fields.indexOf("notes")
            view.positionViewAtIndex(row, ListView.Beginning)
            const cell = view.itemAtIndex(row)
            const input = findChild(cell, "input_notes")
            verify(!input.enabled)
            waitForItemPolished(cell)
            mouseClick(cell)
            compare(activated.count, 1)
            compare(activated.signalArguments[0][0], "notes")
            verify(!view.fields.setValue("notes", "改不了"))
        }

        function test_choiceRelevance() {
            const year = cellOf("factory_tier_year")
            compare(year.visible, false)
            const smart = findChild(cellOf("factory_tier"), "option_factory_tier_smart_factory")
            verify(smart)
            waitForItemPolished(smart)
            mouseClick(smart)
            tryCompare(year, "visible", true)
            mouseClick(findChild(cellOf("factory_tier"), "option_factory_tier_none"))
            tryCompare(year, "visible", false)
        }
    }
}
