import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// A new version of the survey arrives (as a sync's forms step stores it): the notice says, in
// Chinese, which version is current and what it adds, once, until dismissed; a draft begun on
// version 1 opens on version 2 with all its values and the new field, and its next save
// carries version 2.
FormTestBench {
    id: bench

    Component {
        id: surveyScreen
        SurveyScreen {}
    }
    Component {
        id: banner
        FormUpdateBanner {
            width: bench.width
        }
    }

    TestCase {
        name: "FormVersion"
        when: windowShown

        function initTestCase() {
            verify(bench.seed("form-version"))
            compare(Session.formVersion, 1)
            const id = Fixture.createRecord("survey", { "enterprise": bench.uscc, "period": 2023,
                                                        "state": "draft", "robots_total": 12,
                                                        "notes": "旧版备注" })
            verify(id !== "")
            bench.surveyId = id
            compare(FormFixture.recordFormVersion("survey", id), 1)
        }
        function cleanup() {
            bench.nav.clear()
        }
        function newVersion() {
            if (Session.formVersion < 2)
                compare(FormFixture.storeNextFormVersion(), 2)
        }

        function test_a_noticeOnceAfterTheVersionArrives() {
            let shown = createTemporaryObject(banner, bench)
            verify(!shown.visible)
            newVersion()
            tryCompare(shown, "visible", true)
            const text = findChild(shown, "formUpdateText")
            compare(text.text, "调查表已更新到第2版：新增 数字化负责人")
            const dismiss = findChild(shown, "formUpdateDismiss")
            waitForItemPolished(shown)
            mouseClick(dismiss)
            tryCompare(shown, "visible", false)
            // Read once: a banner made later (another screen, a restart) stays hidden.
            shown.destroy()
            shown = createTemporaryObject(banner, bench)
            verify(!shown.visible)
            compare(shown.notice.version, 0)
        }

        function test_b_anOlderDraftOpensOnTheCurrentVersion() {
            newVersion()
            const screen = bench.nav.push(surveyScreen, { surveyId: bench.surveyId })
            const form = findChild(screen, "surveyForm")
            verify(form)
            waitForRendering(screen)
            // Every value of version 1 is there, and the field version 2 added.
            const at = form.fields.indexOf("digital_lead")
            verify(at >= 0)
            form.positionViewAtIndex(form.fields.indexOf("robots_total"), ListView.Beginning)
            const robots = findChild(form.itemAtIndex(form.fields.indexOf("robots_total")),
                                     "input_robots_total")
            compare(robots.text, "12")
            form.positionViewAtIndex(form.fields.indexOf("notes"), ListView.Beginning)
            const notes = findChild(form.itemAtIndex(form.fields.indexOf("notes")), "input_notes")
            compare(notes.text, "旧版备注")
            compare(FormFixture.recordFormVersion("survey", bench.surveyId), 1)

            form.positionViewAtIndex(at, ListView.Beginning)
            const cell = form.itemAtIndex(at)
            waitForItemPolished(cell)
            const input = findChild(cell, "input_digital_lead")
            verify(input)
            mouseClick(input)
            for (const c of "Wang")
                keyClick(c)
            keyClick(Qt.Key_Return)
            tryVerify(() => Fixture.record("survey", bench.surveyId).digital_lead === "Wang", 4000)
            // The save is of version 2, and so is the mutation that carries it.
            compare(FormFixture.recordFormVersion("survey", bench.surveyId), 2)
            compare(FormFixture.mutationFormVersion("survey", bench.surveyId), 2)
            compare(Fixture.record("survey", bench.surveyId).robots_total, 12)
        }
    }
}
