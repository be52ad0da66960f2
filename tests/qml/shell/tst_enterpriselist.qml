import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The enterprise list over a real store: search by name and USCC, the state filters, opening an
// enterprise and starting its survey; adding an enterprise with a validation message beside the
// USCC field.
Item {
    id: root
    width: 360
    height: 740

    StackView {
        id: nav
        anchors.fill: parent
    }
    Component {
        id: listScreen
        EnterpriseListScreen {}
    }
    Component {
        id: addScreen
        AddEnterpriseScreen {}
    }

    TestCase {
        name: "EnterpriseList"
        when: windowShown

        property var list
        property var view

        function initTestCase() {
            compare(Fixture.openLocal("lister", "inspector", "331102"), "")
            const names = ["丽水阀门有限公司", "莲都泵业有限公司", "丽水电机有限公司"]
            for (let i = 0; i < names.length; ++i) {
                const id = ShellFixture.uscc("331102", 100 + i)
                compare(Fixture.createRecord("enterprise", { uscc: id, name: names[i], region: "331102" }, id), id)
            }
            verify(Fixture.createRecord("survey", { enterprise: ShellFixture.uscc("331102", 101),
                                                     period: 2024, state: "draft" }).length > 0)
        }
        function init() {
            compare(Fixture.openLocal("lister", "inspector", "331102"), "")
            list = nav.push(listScreen)
            tryCompare(nav, "busy", false)
            waitForItemPolished(list)
            view = findChild(list, "enterpriseList")
        }
        function cleanup() {
            nav.clear()
        }

        function test_search_data() {
            return [
                { tag: "all", search: "", count: 3 },
                { tag: "part of the name", search: "丽水", count: 2 },
                { tag: "USCC prefix", search: ShellFixture.uscc("331102", 101).substring(0, 16), count: 1 },
                { tag: "nothing", search: "不存在的企业", count: 0 }
            ]
        }
        function test_search(data) {
            const field = findChild(list, "searchField")
            field.text = data.search
            tryCompare(view, "count", data.count)
        }

        function test_filters_data() {
            return [
                { tag: "all", filter: "any", count: 3 },
                { tag: "not started", filter: "not_started", count: 2 },
                { tag: "draft", filter: "draft", count: 1 },
                { tag: "submitted", filter: "submitted", count: 0 }
            ]
        }
        function test_filters(data) {
            const chip = findChild(list, "filter_" + data.filter)
            verify(chip)
            mouseClick(chip)
            tryCompare(view, "count", data.count)
        }

        function test_openAndStartSurvey() {
            const uscc = ShellFixture.uscc("331102", 102)
            const row = view.itemAtIndex(list.model.indexOf(uscc))
            verify(row)
            mouseClick(row)
            tryVerify(() => nav.currentItem.objectName === "enterpriseScreen")
            tryCompare(nav, "busy", false)
            const page = nav.currentItem
            compare(page.uscc, uscc)
            compare(page.model.currentSurveyId, "")
            const id = page.model.startSurvey(2024)
            verify(id.length > 0)
            compare(Fixture.record("survey", id).state, "draft")
            compare(Fixture.record("survey", id).enterprise, uscc)
            nav.pop()
            tryCompare(nav, "busy", false)
            tryCompare(list.model, "count", 3)
            mouseClick(findChild(list, "filter_not_started"))
            tryCompare(view, "count", 1)
        }

        function test_addEnterprise() {
            // Another inspector's device, so that the lists of the other cases stay as seeded.
            compare(Fixture.openLocal("adder", "inspector", "331102"), "")
            const add = nav.push(addScreen)
            tryCompare(nav, "busy", false)
            waitForItemPolished(add)
            const usccField = findChild(add, "usccField")
            mouseClick(usccField)
            const bad = "91331102MA00000XX1"
            for (const c of bad)
                keyClick(c)
            tryVerify(() => add.draft.errors.uscc !== undefined)
            const messages = findAllMessages(add)
            verify(messages.length > 0, "a message beside the USCC")
            const good = ShellFixture.uscc("331102", 200)
            usccField.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of good)
                keyClick(c)
            tryVerify(() => add.draft.errors.uscc === undefined)
            add.draft.name = "缙云新建五金厂"
            add.draft.industryCode = "3389"
            verify(add.draft.valid, JSON.stringify(add.draft.errors))
            compare(add.draft.region, "331102") // an inspector adds in their own region
            mouseClick(findChild(add, "createButton"))
            verify(Fixture.exists("enterprise", good))
            compare(Fixture.record("enterprise", good).name, "缙云新建五金厂")
            tryVerify(() => nav.currentItem.objectName === "enterpriseScreen")
        }

        function findAllMessages(item) {
            const found = []
            const visit = (node) => {
                if (node.objectName === "fieldMessage" && node.visible && node.text.length > 0)
                    found.push(node.text)
                for (let i = 0; i < node.children.length; ++i)
                    visit(node.children[i])
            }
            visit(item)
            return found
        }
    }
}
