import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// A review task appearing after a sync against a real server on loopback: the inspector's
// device sends a survey, the office asks for a change pinned to a field, the next sync brings
// the task to the badge of the enterprise list and to the enterprise's page.
Item {
    id: root
    width: 400
    height: 760

    StackView {
        id: nav
        anchors.fill: parent
    }
    Component {
        id: listScreen
        EnterpriseListScreen {}
    }
    SyncController {
        id: sync
        session: Session
    }

    TestCase {
        name: "ReviewTask"
        when: windowShown

        function syncAndWait() {
            sync.syncNow()
            tryVerify(() => sync.state === "idle" && sync.pending === 0, 30000, sync.summary)
        }

        function test_reviewTaskAfterSync() {
            Session.logout()
            const url = ShellFixture.startServer()
            verify(url.length > 0)
            const spy = signalSpy.createObject(root, { target: Session, signalName: "loginFinished" })
            Session.login(url, "insp", ShellFixture.password())
            spy.wait(30000)
            verify(Session.loggedIn, Session.error)
            tryVerify(() => sync.state === "idle", 30000, sync.summary)

            const uscc = ShellFixture.uscc("331102", 7)
            verify(Fixture.createRecord("enterprise", { uscc: uscc, name: "丽水精工机械有限公司",
                                                         region: "331102", industry_code: "3421",
                                                         above_size: true }, uscc) === uscc)
            const surveyId = Fixture.createRecord("survey", { enterprise: uscc, period: 2024,
                                                              state: "draft", key_processes: 4,
                                                              key_processes_cnc: 4 })
            verify(surveyId.length > 0)
            syncAndWait()
            compare(sync.reviewTasks, 0)

            compare(ShellFixture.review("survey", surveyId, "has_issues", "数控化关键工序数偏高，请核实",
                                        "key_processes_cnc"), "")
            syncAndWait()
            tryCompare(sync, "reviewTasks", 1)

            const list = nav.push(listScreen)
            tryCompare(nav, "busy", false)
            waitForItemPolished(list)
            const view = findChild(list, "enterpriseList")
            tryVerify(() => view.count > 0)
            const row = view.itemAtIndex(list.model.indexOf(uscc))
            verify(row)
            const badge = findChild(row, "reviewBadge")
            tryCompare(badge, "visible", true)
            compare(badge.count, 1)

            mouseClick(row)
            tryVerify(() => nav.currentItem && nav.currentItem.objectName === "enterpriseScreen")
            tryCompare(nav, "busy", false)
            const page = nav.currentItem
            waitForItemPolished(page)
            const comment = findChild(page, "reviewComment")
            verify(comment)
            compare(comment.text, "数控化关键工序数偏高，请核实")
            compare(page.model.reviewTasks[0].fieldLabel.length > 0, true)
            nav.clear()
            Session.logout()
            ShellFixture.stopServer()
        }
    }

    Component {
        id: signalSpy
        SignalSpy {}
    }
}
